import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  rcptTo: string[];
  headers: Record<string, string>;
  /** The decoded text/plain and text/html parts (or the whole body when not multipart). */
  text: string;
  html: string;
}

function decode(content: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString();
  if (encoding !== 'quoted-printable') return content;
  const bytes = content
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
}

function headersOf(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Splits a raw message into its headers and decoded text and HTML parts. */
export function parseMail(raw: string): Pick<ReceivedMail, 'headers' | 'text' | 'html'> {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = headersOf(head);
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary
    ? body.split(`--${boundary}`).slice(1, -1)
    : [
        `content-type: ${headers['content-type']}\r\ncontent-transfer-encoding: ${headers['content-transfer-encoding']}\r\n\r\n${body}`,
      ];
  const found = { text: '', html: '' };
  for (const part of parts) {
    const [partHead, ...partBody] = part.replace(/^\r\n/, '').split('\r\n\r\n');
    const h = headersOf(partHead);
    const content = decode(
      partBody.join('\r\n\r\n').replace(/\r\n$/, ''),
      h['content-transfer-encoding'],
    );
    if (h['content-type']?.startsWith('text/html')) found.html = content;
    else found.text = content;
  }
  return { headers, ...found };
}

/**
 * A real SMTP server on 127.0.0.1 (random port, no auth, no TLS) keeping what it receives.
 * `refuse(address)` answers the next RCPT TO of that address with 451 (try again later).
 */
export async function startSmtpServer() {
  const inbox: ReceivedMail[] = [];
  const refusals = new Map<string, number>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const left = refusals.get(address.address) ?? 0;
      if (left <= 0) return callback();
      refusals.set(address.address, left - 1);
      callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const rcptTo = session.envelope.rcptTo.map((a) => a.address);
        inbox.push({ rcptTo, ...parseMail(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    inbox,
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true&from=Service Desk <cases@desk.example.test>`,
    refuse: (address: string, times = 1) => refusals.set(address, times),
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
