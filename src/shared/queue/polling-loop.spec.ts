import { Logger } from '@nestjs/common';
import { PollingLoop } from './polling-loop';

const IDLE_MS = 10_000;
const DELAY_MS = 50;

/** A loop whose tick counts itself and reports a full batch while `backlog` lasts. */
function countingLoop(nudgeDelayMs: number) {
  const state = { ticks: 0, backlog: 0 };
  const loop = new PollingLoop(
    new Logger('test'),
    IDLE_MS,
    () => {
      state.ticks += 1;
      state.backlog = Math.max(0, state.backlog - 1);
      return Promise.resolve(state.backlog > 0);
    },
    'test loop',
    nudgeDelayMs,
  );
  return { loop, state };
}

describe('PollingLoop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ticks once at start, then sleeps the interval', async () => {
    const { loop, state } = countingLoop(DELAY_MS);
    loop.start();
    await jest.advanceTimersByTimeAsync(IDLE_MS - 1);
    expect(state.ticks).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(state.ticks).toBe(2);
    await stopLoop(loop);
  });

  it('makes one tick of the nudges within the delay, the delay after the first', async () => {
    const { loop, state } = countingLoop(DELAY_MS);
    loop.start();
    await jest.advanceTimersByTimeAsync(100);
    loop.nudge();
    await jest.advanceTimersByTimeAsync(20);
    loop.nudge();
    loop.nudge();
    await jest.advanceTimersByTimeAsync(DELAY_MS - 21);
    expect(state.ticks).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(state.ticks).toBe(2);
    // The nudges were spent on that tick: the loop sleeps the interval again.
    await jest.advanceTimersByTimeAsync(IDLE_MS - 1);
    expect(state.ticks).toBe(2);
    await stopLoop(loop);
  });

  it('ticks again the delay after a tick during which it was nudged', async () => {
    let release!: () => void;
    let ticks = 0;
    const loop = new PollingLoop(
      new Logger('test'),
      IDLE_MS,
      () => {
        ticks += 1;
        return ticks === 1
          ? new Promise<boolean>((r) => (release = () => r(false)))
          : Promise.resolve(false);
      },
      'test loop',
      DELAY_MS,
    );
    loop.start();
    loop.nudge();
    release();
    await jest.advanceTimersByTimeAsync(DELAY_MS - 1);
    expect(ticks).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(ticks).toBe(2);
    await stopLoop(loop);
  });

  it('with no delay ticks at once when nudged, as before', async () => {
    const { loop, state } = countingLoop(0);
    loop.start();
    await jest.advanceTimersByTimeAsync(100);
    loop.nudge();
    await jest.advanceTimersByTimeAsync(0);
    expect(state.ticks).toBe(2);
    await stopLoop(loop);
  });

  it('goes on at once while the tick reports a full batch', async () => {
    const { loop, state } = countingLoop(DELAY_MS);
    state.backlog = 4;
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(state.ticks).toBe(4);
    await stopLoop(loop);
  });

  it('stops at once, even while waiting out a nudge delay', async () => {
    const { loop, state } = countingLoop(IDLE_MS / 2);
    loop.start();
    await jest.advanceTimersByTimeAsync(10);
    loop.nudge();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(true);
    await stopping;
    expect(state.ticks).toBe(1);
  });
});

async function stopLoop(loop: PollingLoop): Promise<void> {
  const stopping = loop.stop();
  await jest.advanceTimersByTimeAsync(0);
  await stopping;
}
