import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse, STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_CATALOGUE, ErrorCode, statusOf } from '../errors/error-codes';
import { assignCorrelationId } from './correlation-id';

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
  answerNodeErrors(server);
}

/** The client errors Node raises before a request exists, and the code each answers with. */
const CLIENT_ERRORS: Record<string, ErrorCode> = {
  ERR_HTTP_REQUEST_TIMEOUT: ErrorCode.RequestTimeout,
  HPE_HEADER_OVERFLOW: ErrorCode.HeadersTooLarge,
};

/**
 * What Node would answer by itself in the error envelope, so that even these answers are coded:
 * a request too slow, headers too large or bytes that are not HTTP (`clientError`), an `Expect`
 * other than 100-continue (`checkExpectation`, 417 without a body otherwise) and `CONNECT`
 * (the socket closed without a word otherwise; no route takes it). Each closes the connection.
 */
function answerNodeErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    answerOnSocket(socket, CLIENT_ERRORS[error.code ?? ''] ?? ErrorCode.BadRequest);
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const correlationId = assignCorrelationId(req, res);
    const { status, body } = envelope(ErrorCode.ExpectationFailed, correlationId);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      Connection: 'close',
    });
    res.end(body);
  });
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    answerOnSocket(socket, ErrorCode.RouteNotFound);
  });
}

/** Writes the coded answer on a socket no response object owns. One that got bytes is closed. */
function answerOnSocket(socket: Socket, code: ErrorCode): void {
  if (!socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  // No request was read whose correlation id could be reused: one is minted.
  const correlationId = randomUUID();
  const { status, body } = envelope(code, correlationId);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Correlation-Id: ${correlationId}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

function envelope(code: ErrorCode, correlationId: string): { status: number; body: string } {
  const status = statusOf(code);
  const message = ERROR_CATALOGUE[code].message;
  return { status, body: JSON.stringify({ statusCode: status, code, message, correlationId }) };
}
