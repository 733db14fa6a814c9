import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

export interface DownloadMeta {
  name: string;
  contentType: string;
  size: number;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 5987). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Streams stored bytes as a download with their stored content type. */
export function fileDownload(content: Readable, meta: DownloadMeta): StreamableFile {
  return new StreamableFile(content, {
    type: meta.contentType,
    length: meta.size,
    disposition: attachmentDisposition(meta.name),
  });
}
