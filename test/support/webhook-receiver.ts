import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A local HTTP endpoint on 127.0.0.1 recording every POST; `status` decides the answer. */
export class WebhookReceiver {
  readonly received: Received[] = [];
  status: (r: Received) => number = () => 204;
  /** How long each answer waits after the request is recorded (a slow endpoint). */
  delayMs = 0;
  /** Requests read but not answered yet. */
  open = 0;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r = {
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        };
        const status = this.status(r);
        if (status >= 200 && status < 300) this.received.push(r);
        if (this.delayMs <= 0) {
          res.writeHead(status).end();
          return;
        }
        this.open++;
        setTimeout(() => {
          this.open--;
          if (!res.destroyed) res.writeHead(status).end();
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** The envelopes received (2xx answers only), in order of receipt. */
  envelopes(): { id: string; type: string; caseId?: string }[] {
    return this.received.map((r) => JSON.parse(r.body) as { id: string; type: string });
  }
}

/** Per case, the events first received, in order of receipt (redeliveries dropped). */
export function firstReceipts(receiver: WebhookReceiver): Map<string, string[]> {
  const seen = new Set<string>();
  const lanes = new Map<string, string[]>();
  for (const e of receiver.envelopes()) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    lanes.set(e.caseId!, [...(lanes.get(e.caseId!) ?? []), e.id]);
  }
  return lanes;
}
