/**
 * Pure checks on what a browser-mode request claims: its target, Host and Origin. Nothing here
 * throws on hostile input; each answer is a value the server turns into a 4xx.
 */

/** A request target in origin form ("/path?query"). */
export interface Target {
  pathname: string
  params: URLSearchParams
}

/** Longest request target accepted (Node already caps all headers at 16 KiB). */
const MAX_TARGET = 8192

/**
 * The path and query of a request target, or null when it is not in origin form (`//`,
 * `http://…`, `*`, empty, too long). Never throws: `new URL('//', base)` does, and killed the
 * server. Leading slashes collapse to one so a redirect to the path cannot leave the origin.
 */
export function parseTarget(raw: string | undefined): Target | null {
  if (!raw?.startsWith('/') || raw.length > MAX_TARGET) return null
  const q = raw.indexOf('?')
  const path = q < 0 ? raw : raw.slice(0, q)
  const hash = path.indexOf('#')
  const pathname = `/${(hash < 0 ? path : path.slice(0, hash)).replace(/^\/+/, '')}`
  // URLSearchParams never throws: malformed percent-escapes are kept as they are.
  return { pathname, params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) }
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]'])
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

/** Splits "host:port" / "[v6]:port" / "host" into a lower-case host and a port (default 80). */
function splitHostPort(value: string): { host: string; port: number } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim())
  if (!m) return null
  return { host: m[1].toLowerCase(), port: m[2] === undefined ? 80 : Number(m[2]) }
}

/**
 * Which Host headers a server bound to `boundHost:port` answers: the loopback names and the
 * bound host, always with our port. A page on another domain that re-points its DNS name at
 * 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused. When bound to every
 * interface (0.0.0.0 / ::), any IP literal is allowed too: rebinding needs a name, not an IP.
 */
export function hostPolicy(boundHost: string, port: number): (hostHeader: string | undefined) => boolean {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', bracketed(boundHost.toLowerCase())])
  const wildcard = WILDCARDS.has(boundHost)
  return (hostHeader) => {
    if (!hostHeader) return false
    const hp = splitHostPort(hostHeader)
    if (!hp || hp.port !== port) return false
    if (names.has(hp.host)) return true
    return wildcard && (IPV4.test(hp.host) || hp.host.startsWith('['))
  }
}

/**
 * An Origin header is acceptable when absent (not a browser, or a same-origin navigation) or
 * when it is `http://` plus a host the Host policy accepts. "null" (sandboxed frames, files)
 * and every other scheme are refused.
 */
export function originAllowed(origin: string | undefined, hostAllowed: (host: string) => boolean): boolean {
  if (origin === undefined) return true
  if (!origin.startsWith('http://')) return false
  const rest = origin.slice('http://'.length)
  if (rest.includes('/')) return false
  return hostAllowed(rest)
}
