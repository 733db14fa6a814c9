import { WebhookReceiver } from '../../../../test/support/webhook-receiver';
import { isPrivateAddress } from './ssrf-guard';
import { WebhookSender } from './webhook-sender';
import { WebhookSettings } from './webhook-settings';

describe('SSRF guard', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.5.5',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  describe('at connect time', () => {
    const receiver = new WebhookReceiver();
    let url: string;
    const settings = (allowPrivateUrls: boolean) =>
      ({ allowPrivateUrls, timeoutMs: 2000 }) as WebhookSettings;

    beforeAll(async () => {
      url = await receiver.start();
    });
    afterAll(() => receiver.stop());

    it('refuses a hostname resolving to loopback, and a literal loopback address, when private URLs are off', async () => {
      const sender = new WebhookSender(settings(false));
      const viaName = await sender.send(url.replace('127.0.0.1', 'localhost'), '{}', {});
      const literal = await sender.send(url, '{}', {});
      sender.onModuleDestroy();
      expect(viaName).toMatchObject({
        ok: false,
        error: expect.stringMatching(/loopback or private/),
      });
      expect(literal).toMatchObject({
        ok: false,
        error: expect.stringMatching(/loopback or private/),
      });
      expect(receiver.received).toHaveLength(0);
    });

    it('connects when WEBHOOK_ALLOW_PRIVATE_URLS=true', async () => {
      const sender = new WebhookSender(settings(true));
      const result = await sender.send(url.replace('127.0.0.1', 'localhost'), '{}', {});
      sender.onModuleDestroy();
      expect(result).toEqual({ ok: true, status: 204 });
      expect(receiver.received).toHaveLength(1);
    });
  });
});
