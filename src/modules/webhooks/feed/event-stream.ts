import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebhookSettings } from '../delivery/webhook-settings';
import { EventFeedReader } from './event-feed.reader';

const BATCH = 100;

/**
 * Server-Sent Events over the change feed: each event as `id: <cursor>`, `event: <type>` and its
 * envelope as `data`; a comment line as heartbeat. Polls the feed (replicas write it too), and
 * ends every open stream when the application shuts down.
 */
@Injectable()
export class EventStream implements OnModuleDestroy {
  private readonly logger = new Logger(EventStream.name);
  private readonly open = new Set<() => void>();

  constructor(
    private readonly feed: EventFeedReader,
    private readonly settings: WebhookSettings,
  ) {}

  /** Before the HTTP server closes, which waits for open connections. */
  onModuleDestroy(): void {
    for (const close of [...this.open]) close();
  }

  async serve(
    clientId: string,
    after: bigint | undefined,
    maxSeconds: number,
    req: Request,
    res: Response,
  ) {
    let position = after ?? (await this.feed.lastPosition(clientId));
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: 3000\n: stream open\n\n`);
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    const heartbeat = setInterval(
      () => res.write(': heartbeat\n\n'),
      this.settings.streamHeartbeatMs,
    );
    const close = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      this.open.delete(close);
      res.end();
    };
    this.open.add(close);
    req.on('close', close);
    const ends = Date.now() + maxSeconds * 1000;
    const poll = async () => {
      try {
        for (let more = true; more && !closed;) {
          const events = await this.feed.after(clientId, position, BATCH);
          for (const { cursor, ...event } of events) {
            res.write(`id: ${cursor}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
            position = BigInt(cursor);
          }
          more = events.length === BATCH;
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'event stream poll failed');
      }
      const left = ends - Date.now();
      if (left <= 0) close();
      else if (!closed) {
        timer = setTimeout(() => void poll(), Math.min(left, this.settings.streamPollMs));
      }
    };
    await poll();
  }
}
