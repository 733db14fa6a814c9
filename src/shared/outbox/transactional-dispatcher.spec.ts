import { DiscoveryService } from '@nestjs/core';
import { DomainEvent } from '../domain/domain-event';
import { TransactionalDispatcher } from './transactional-dispatcher';
import { TransactionalSubscriber } from './transactional-subscriber';

class Happened extends DomainEvent {
  constructor(readonly type: string) {
    super('acme', 'agg-1', new Date('2026-01-05T09:00:00.000Z'));
  }

  payload(): Record<string, unknown> {
    return {};
  }
}

class Recorder extends TransactionalSubscriber {
  constructor(
    readonly name: string,
    readonly order: number,
    private readonly types: string[],
    private readonly log: string[],
  ) {
    super();
  }

  handles(event: DomainEvent): boolean {
    return this.types.includes(event.type);
  }

  handle(events: DomainEvent[]): Promise<void> {
    this.log.push(`${this.name}:${events.map((e) => e.type).join(',')}`);
    return Promise.resolve();
  }
}

function dispatcherOf(...instances: unknown[]): TransactionalDispatcher {
  const discovery = {
    getProviders: () => [...instances, { unrelated: true }].map((instance) => ({ instance })),
  } as unknown as DiscoveryService;
  const dispatcher = new TransactionalDispatcher(discovery);
  dispatcher.onModuleInit();
  return dispatcher;
}

describe('TransactionalDispatcher', () => {
  it('calls each subscriber in ascending order with the events it handles, in recorded order', async () => {
    const log: string[] = [];
    const dispatcher = dispatcherOf(
      new Recorder('activity', 30, ['a', 'b'], log),
      new Recorder('sla', 20, ['b'], log),
      new Recorder('comments', 10, ['c'], log),
      new Recorder('also-20', 20, ['a'], log),
    );
    expect(dispatcher.subscriberNames).toEqual(['comments', 'also-20', 'sla', 'activity']);
    await dispatcher.dispatch([new Happened('a'), new Happened('b')]);
    expect(log).toEqual(['also-20:a', 'sla:b', 'activity:a,b']);
  });

  it('stops at the first failure, so the caller rolls back', async () => {
    const log: string[] = [];
    const failing = new Recorder('first', 1, ['a'], log);
    jest.spyOn(failing, 'handle').mockRejectedValue(new Error('refused'));
    const dispatcher = dispatcherOf(failing, new Recorder('second', 2, ['a'], log));
    await expect(dispatcher.dispatch([new Happened('a')])).rejects.toThrow('refused');
    expect(log).toEqual([]);
  });

  it('refuses two subscribers of one name', () => {
    expect(() => dispatcherOf(new Recorder('x', 1, [], []), new Recorder('x', 2, [], []))).toThrow(
      'transactional subscribers named twice: x',
    );
  });
});
