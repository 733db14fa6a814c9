import { retryDelayMs } from './notification-dispatcher';
import { safeErrorMessage } from './notification.errors';

describe('retryDelayMs', () => {
  it('doubles from 30 s after each failed attempt', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('is capped at one hour', () => {
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });
});

describe('safeErrorMessage', () => {
  it('hides the credentials of any URL in the message', () => {
    const message = safeErrorMessage(
      new Error('connect ECONNREFUSED smtp://mailer:hunter2@mail.example.com:587 (smtps://k@h)'),
    );
    expect(message).toBe('connect ECONNREFUSED smtp://***@mail.example.com:587 (smtps://***@h)');
  });

  it('bounds the message and accepts non-errors', () => {
    expect(safeErrorMessage('x'.repeat(5000))).toHaveLength(1000);
    expect(safeErrorMessage({ toString: () => 'odd' })).toBe('odd');
  });
});
