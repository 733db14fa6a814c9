import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_CATALOGUE, ErrorCode, statusOf } from '../errors/error-codes';

export interface ServerTimeouts {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

/** Node enforces headersTimeout and requestTimeout only when it checks, every this often at most. */
const MAX_CHECK_INTERVAL_MS = 30_000;

/**
 * Bounds how long a slow or idle client keeps a socket: headers must arrive within
 * `headersTimeoutMs`, the whole request within `requestTimeoutMs`, and an idle keep-alive
 * connection is closed after `keepAliveTimeoutMs`. Must run before the server listens.
 */
export function applyServerTimeouts(server: Server, timeouts: ServerTimeouts): void {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  // A createServer option, read by Node when the server starts listening (absent from the typings).
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    Math.min(
      MAX_CHECK_INTERVAL_MS,
      Math.max(100, Math.floor(Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs) / 4)),
    );
  server.on('clientError', answerClientError);
}

/** The client errors Node raises before a request exists, and the code each answers with. */
const CLIENT_ERRORS: Record<string, ErrorCode> = {
  ERR_HTTP_REQUEST_TIMEOUT: ErrorCode.RequestTimeout,
  HPE_HEADER_OVERFLOW: ErrorCode.HeadersTooLarge,
};

/**
 * What Node answers by itself (a request too slow, headers too large, or not HTTP) in the error
 * envelope, so that even these answers are coded; the correlation id is minted here, since no
 * request was read to carry one. A socket that already got bytes is only closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const code = CLIENT_ERRORS[error.code ?? ''] ?? ErrorCode.BadRequest;
  const status = statusOf(code);
  const correlationId = randomUUID();
  const body = JSON.stringify({
    statusCode: status,
    code,
    message: ERROR_CATALOGUE[code].message,
    correlationId,
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Correlation-Id: ${correlationId}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
