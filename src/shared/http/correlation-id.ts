import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const HEADER = 'x-correlation-id';
const VALID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Reuses a well-formed incoming correlation id, otherwise mints one; echoes it on the response. */
export function assignCorrelationId(req: IncomingMessage, res: ServerResponse): string {
  const existing = (req as { id?: unknown }).id;
  if (typeof existing === 'string') return existing;
  const incoming = req.headers[HEADER] ?? req.headers['x-request-id'];
  const id = typeof incoming === 'string' && VALID.test(incoming) ? incoming : randomUUID();
  (req as { id?: string }).id = id;
  if (!res.headersSent) res.setHeader(HEADER, id);
  return id;
}

export function correlationIdOf(req: IncomingMessage, res: ServerResponse): string {
  return assignCorrelationId(req, res);
}
