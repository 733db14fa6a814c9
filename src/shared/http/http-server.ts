import type { Server } from 'node:http';
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

/**
 * What Node answers by itself (a request too slow, or not HTTP) in the error envelope, so
 * that even these answers are coded. A socket that already got bytes is only closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    socket.end('HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
    return;
  }
  const code =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? ErrorCode.RequestTimeout : ErrorCode.BadRequest;
  const status = statusOf(code);
  const body = JSON.stringify({ statusCode: status, code, message: ERROR_CATALOGUE[code].message });
  socket.end(
    `HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
