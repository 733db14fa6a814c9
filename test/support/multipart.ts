import { randomUUID } from 'node:crypto';
import type { Response } from 'superagent';

export interface FilePart {
  field?: string;
  /** Sent as a quoted string in the part header (UTF-8, `\\` and `"` escaped), nothing cleaned. */
  filename?: string;
  contentType?: string;
  content: Buffer | string;
}

/** A hand-built multipart/form-data body, for headers a client library would clean up. */
export function multipart(parts: FilePart[]): { contentType: string; body: Buffer } {
  const boundary = `----cms${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = [`form-data; name="${part.field ?? 'file'}"`];
    if (part.filename !== undefined) {
      disposition.push(`filename="${part.filename.replace(/["\\]/g, (c) => `\\${c}`)}"`);
    }
    const headers = [`Content-Disposition: ${disposition.join('; ')}`];
    if (part.contentType) headers.push(`Content-Type: ${part.contentType}`);
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`, 'utf8'));
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

/** Collects a response body as bytes whatever its content type. */
export function binaryParser(
  res: Response,
  callback: (error: Error | null, body: Buffer) => void,
): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
