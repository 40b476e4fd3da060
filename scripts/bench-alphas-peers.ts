/**
 * The published alpha engines, for `npm run bench:alphas -- --peers`: py-alpha-lib (Rust, via
 * Python) and KunQuant (a C++ code generator), pinned versions from PyPI in a virtualenv this
 * script creates under `.cache/peers-venv` (Python ≥ 3.12: py-alpha-lib 0.3.1 uses its syntax).
 * Each peer runs in its own Python process (scripts/bench-peers/run_peers.py) over the same
 * panel file our engine maps, with the same thread count, and compares its values with ours.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const cache = join(root, '.cache')
const venv = join(cache, 'peers-venv')
const python = join(venv, 'bin', 'python')
export const peerPackages = ['py-alpha-lib==0.3.1', 'kunquant==0.1.12']

export interface Agreement {
  ours_finite: number
  theirs_finite: number
  both: number
  /** Share of common cells equal within the tolerance; null when none in common. */
  equal: number | null
  corr: number | null
}

export interface PeerResult {
  engine: string
  version: string
  computed: string[]
  failed: { name: string; error: string }[]
  wall_s: number
  cpu_s: number
  compile_s: number
  compile_cached?: boolean
  agreement: Record<string, Agreement>
  error?: string
}

/** A Python ≥ 3.12 on this machine (`PEERS_PYTHON` first, e.g. a pyenv interpreter's full path), or null. */
function findPython(): string | null {
  const candidates = [process.env.PEERS_PYTHON, 'python3.13', 'python3.12', 'python3'].filter((c): c is string => !!c)
  for (const cmd of candidates) {
    try {
      const v = execFileSync(cmd, ['-c', 'import sys; print(sys.version_info >= (3, 12))'], { encoding: 'utf8' }).trim()
      if (v === 'True') return cmd
    } catch {
      // not installed
    }
  }
  return null
}

/** Creates the virtualenv when missing; returns why the peers cannot run, or null. */
export function peersAvailable(): string | null {
  if (existsSync(python)) return null
  const base = findPython()
  if (!base) return 'needs Python ≥ 3.12 (PEERS_PYTHON, or python3.12 / python3.13 / python3 on PATH)'
  mkdirSync(cache, { recursive: true })
  console.log(`creating ${venv} and installing ${peerPackages.join(', ')} from PyPI …`)
  const mk = spawnSync(base, ['-m', 'venv', venv], { stdio: 'inherit' })
  if (mk.status !== 0) return `${base} -m venv failed`
  const pip = spawnSync(python, ['-m', 'pip', 'install', '-q', ...peerPackages], { stdio: 'inherit' })
  if (pip.status !== 0) return 'pip install failed'
  return null
}

/** Runs one peer over `panelFile`, comparing with our run file; never throws. */
export function runPeer(engine: 'alpha-lib' | 'kunquant', panelFile: string, oursBin: string, oursMeta: string, threads = 2): PeerResult {
  const script = join(root, 'scripts', 'bench-peers', 'run_peers.py')
  const res = spawnSync(
    python,
    [
      '-W',
      'ignore',
      script,
      '--engine',
      engine,
      '--panel',
      panelFile,
      '--threads',
      String(threads),
      '--ours',
      oursBin,
      '--ours-meta',
      oursMeta,
      '--cache',
      cache,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      env: {
        ...process.env,
        RAYON_NUM_THREADS: String(threads),
        OMP_NUM_THREADS: '1',
      },
    },
  )
  const last = res.stdout?.trim().split('\n').at(-1) ?? ''
  try {
    return JSON.parse(last) as PeerResult
  } catch {
    const lines = (res.stderr ?? '').trim().split('\n')
    const err = (lines.filter((l) => /Error|Killed|Traceback/.test(l)).at(-1) ?? lines.at(-1) ?? '').slice(0, 300)
    return {
      engine,
      version: '?',
      computed: [],
      failed: [],
      wall_s: Number.NaN,
      cpu_s: Number.NaN,
      compile_s: 0,
      agreement: {},
      error: err || `exit ${res.status}`,
    }
  }
}
