/**
 * The seed's `GET tradeExists` sends a JSON body with a GET (its Python client uses
 * requests.get(url, json=...)). Fastify does not parse bodies of GET requests, so this reads
 * it from the raw stream, with the same size limit as every other body.
 */
import type { FastifyRequest } from 'fastify'

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export async function readGetBody(req: FastifyRequest, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new BodyError(413, `request body is larger than ${limit} bytes`)
  if (!declared && req.headers['transfer-encoding'] === undefined) return undefined
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req.raw as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new BodyError(413, `request body is larger than ${limit} bytes`)
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text.trim()) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new BodyError(400, 'request body is not valid JSON')
  }
}
