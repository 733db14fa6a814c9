import { QueueConfig } from '../../config/configuration';
import { RecipientMailer } from './inbox/recipient-mailer';
import { NotificationDispatcher } from './notification-dispatcher';
import { NOTIFICATION_POLL_INTERVAL_MS, NotificationPoller } from './notification-poller';

describe('NotificationPoller', () => {
  const dispatchDue = jest.fn();
  const dispatch = jest.fn();
  const dispatcher = { dispatchDue } as unknown as NotificationDispatcher;
  const mailer = { dispatch } as unknown as RecipientMailer;
  const poller = (enabled: boolean) =>
    new NotificationPoller(dispatcher, mailer, { consumersEnabled: enabled } as QueueConfig);

  beforeEach(() => {
    jest.useFakeTimers();
    dispatchDue.mockReset().mockResolvedValue({ sent: 0, retrying: 0, failed: 0 });
    dispatch.mockReset().mockResolvedValue({ sent: 0, retrying: 0, failed: 0 });
  });
  afterEach(() => jest.useRealTimers());

  it('polls on an interval from bootstrap until shutdown', async () => {
    const p = poller(true);
    p.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(NOTIFICATION_POLL_INTERVAL_MS * 2);
    expect(dispatchDue).toHaveBeenCalledTimes(2);
    expect(dispatch).toHaveBeenCalledTimes(2);

    await p.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(NOTIFICATION_POLL_INTERVAL_MS * 3);
    expect(dispatchDue).toHaveBeenCalledTimes(2);
  });

  it('does not poll when queue consumers are disabled', async () => {
    const p = poller(false);
    p.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(NOTIFICATION_POLL_INTERVAL_MS * 3);
    expect(dispatchDue).not.toHaveBeenCalled();
    await p.onModuleDestroy();
  });

  it('skips a tick while the previous poll is still running, and waits for it on shutdown', async () => {
    let finish!: () => void;
    dispatchDue.mockReturnValueOnce(new Promise<void>((resolve) => (finish = resolve)));
    const p = poller(true);
    p.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(NOTIFICATION_POLL_INTERVAL_MS * 3);
    expect(dispatchDue).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = p.onModuleDestroy().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
