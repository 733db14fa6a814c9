import { Injectable, OnModuleDestroy } from '@nestjs/common';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress } from './ssrf-guard';
import { WebhookSettings } from './webhook-settings';

export interface SendResult {
  ok: boolean;
  status?: number;
  error?: string;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/** POSTs one signed body; never throws. 2xx is success, anything else (or no answer) is not. */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(private readonly settings: WebhookSettings) {
    const lookup = settings.allowPrivateUrls ? undefined : guardedLookup;
    const common = { keepAlive: true, maxSockets: 64, lookup } as http.AgentOptions;
    this.agents = { http: new http.Agent(common), https: new https.Agent(common) };
  }

  onModuleDestroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  send(url: string, body: string, headers: Record<string, string>): Promise<SendResult> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.resolve({ ok: false, error: 'invalid URL' });
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // A literal address never goes through `lookup`, so it is checked here.
    if (!this.settings.allowPrivateUrls && isIP(host) && isPrivateAddress(host)) {
      return Promise.resolve({ ok: false, error: `${host} is a loopback or private address` });
    }
    const secure = target.protocol === 'https:';
    return new Promise((resolve) => {
      const request = (secure ? https : http).request(
        target,
        {
          method: 'POST',
          agent: secure ? this.agents.https : this.agents.http,
          timeout: this.settings.timeoutMs,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'case-management-webhooks/1',
          },
        },
        (response) => {
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_RESPONSE_BYTES) response.destroy();
          });
          response.on('close', () => {
            const status = response.statusCode ?? 0;
            resolve({ ok: status >= 200 && status < 300, status });
          });
        },
      );
      const timer = setTimeout(
        () => request.destroy(new Error(`no answer within ${this.settings.timeoutMs} ms`)),
        this.settings.timeoutMs,
      );
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', (error) => resolve({ ok: false, error: error.message }));
      request.on('close', () => clearTimeout(timer));
      request.end(body);
    });
  }
}
