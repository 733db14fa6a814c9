import { OutboxEvent } from '../outbox/outbox-event';
import {
  addresseeOf,
  caseNotifications,
  CaseEventPayload,
  FollowedCase,
  followersOf,
} from './case-notification.policy';
import { CaseNotificationsSubscriber } from './case-notifications.subscriber';

const AT = new Date('2026-01-05T10:00:00.000Z');

const kase: FollowedCase = {
  displayId: 'CMacme-7',
  details: 'Printer on fire',
  watchers: ['wendy', 'alice', 'uma'],
  assignedToUsers: ['uma', 'alice'],
  assignedToGroups: ['desk', 'desk'],
};

let ids = 0;
/** A case event as the relay hands it over: the outbox row of `type` with its payload. */
const event = (
  type: string,
  actorId: string,
  data: Omit<CaseEventPayload, 'actorId' | 'case'> = {},
  followed: FollowedCase = kase,
) =>
  new OutboxEvent(`e-${++ids}`, type, 'acme', 'case-1', ids, AT, {
    caseId: 'case-1',
    actorId,
    onBehalfOf: null,
    ...data,
    case: followed,
  });

const notify = (...events: OutboxEvent[]) => events.flatMap((e) => caseNotifications(e));

const who = (list: { recipient: { kind: string; id: string } }[]) =>
  list.map((n) => `${n.recipient.kind}:${n.recipient.id}`);

describe('case notification policy', () => {
  it('follows a case: watchers and assigned users (once each, minus the actor) and groups', () => {
    expect(followersOf(kase, 'alice')).toEqual([
      { kind: 'user', id: 'wendy' },
      { kind: 'user', id: 'uma' },
      { kind: 'group', id: 'desk' },
    ]);
  });

  it('tells the followers of a state change, with the comment that came with it', () => {
    const resolved = event('case.resolved', 'alice', {
      fromState: 'IN_PROCESS',
      toState: 'RESOLVED',
      commentId: 'c-1',
      comment: { text: 'Fuser replaced' },
    });
    const notifications = notify(resolved);
    expect(who(notifications)).toEqual(['user:wendy', 'user:uma', 'group:desk']);
    expect(notifications[0]).toEqual({
      clientId: 'acme',
      caseId: 'case-1',
      recipient: { kind: 'user', id: 'wendy' },
      template: 'case.state-changed',
      dedupeKey: `event:${resolved.id}`,
      payload: {
        displayId: 'CMacme-7',
        details: 'Printer on fire',
        fromState: 'IN_PROCESS',
        toState: 'RESOLVED',
        actorId: 'alice',
        comment: 'Fuser replaced',
      },
    });
  });

  it('tells the followers of comments and initiator comments, with the text', () => {
    const notifications = notify(
      event('case.commented', 'uma', { commentId: 'c-1', comment: { text: 'On it' } }),
      event('case.initiator-commented', 'carol', { commentId: 'c-2', comment: { text: 'Thanks' } }),
    );
    expect(notifications.map((n) => [n.template, n.recipient.id, n.payload])).toEqual([
      ['case.commented', 'wendy', expect.objectContaining({ authorId: 'uma', comment: 'On it' })],
      ['case.commented', 'alice', expect.objectContaining({ authorId: 'uma', comment: 'On it' })],
      ['case.commented', 'desk', expect.objectContaining({ authorId: 'uma', comment: 'On it' })],
      [
        'case.commented',
        'wendy',
        expect.objectContaining({ authorId: 'carol', comment: 'Thanks' }),
      ],
      [
        'case.commented',
        'alice',
        expect.objectContaining({ authorId: 'carol', comment: 'Thanks' }),
      ],
      ['case.commented', 'uma', expect.objectContaining({ authorId: 'carol', comment: 'Thanks' })],
      ['case.commented', 'desk', expect.objectContaining({ authorId: 'carol', comment: 'Thanks' })],
    ]);
  });

  it('sends an outbound message to its addressee as well as to the followers', () => {
    const data = {
      messageId: 'm-1',
      direction: 'OUT',
      from: 'alice',
      subject: 'Photo?',
      body: 'Please',
    };
    const toInitiator = notify(event('case.message-sent', 'alice', { ...data, to: 'carol' }));
    expect(who(toInitiator)).toEqual(['user:carol', 'user:wendy', 'user:uma', 'group:desk']);
    expect(toInitiator[0]).toMatchObject({
      template: 'case.message',
      payload: {
        displayId: 'CMacme-7',
        subject: 'Photo?',
        body: 'Please',
        from: 'alice',
        direction: 'OUT',
      },
    });
    const toAddress = notify(
      event('case.message-sent', 'alice', { ...data, to: 'carol@example.com' }),
    );
    expect(who(toAddress)[0]).toBe('email:carol@example.com');
    const toWatcher = notify(event('case.message-sent', 'alice', { ...data, to: 'wendy' }));
    expect(who(toWatcher)).toEqual(['user:wendy', 'user:uma', 'group:desk']);
  });

  it('tells the followers of an inbound message, but nobody outside them', () => {
    const received = event('case.message-received', 'gateway', {
      messageId: 'm-2',
      direction: 'IN',
      from: 'carol@example.com',
      to: null,
      subject: 'Re',
      body: 'Attached',
    });
    expect(who(notify(received))).toEqual(['user:wendy', 'user:alice', 'user:uma', 'group:desk']);
  });

  it('stays silent for changes that are not state changes, comments or messages', () => {
    const quiet = [
      event('case.claimed', 'uma', {}),
      event('case.tags-added', 'uma', {}),
      event('case.resolved', 'uma', { fromState: 'RESOLVED', toState: 'RESOLVED' }),
    ];
    const noCase = new OutboxEvent('e-x', 'case.resolved', 'acme', 'case-1', 1, AT, {
      actorId: 'alice',
      fromState: 'OPENED',
      toState: 'RESOLVED',
    });
    expect(notify(...quiet, noCase)).toEqual([]);
  });

  it('gives the subscriber a delivery only of what tells someone something', () => {
    // receives() reads the event alone: the subscriber's database and notifier are not involved.
    const subscriber = new CaseNotificationsSubscriber(null as never, null as never);
    const created = event('case.created', 'alice', { toState: 'OPENED' });
    const resolved = event('case.resolved', 'alice', { fromState: 'OPENED', toState: 'RESOLVED' });
    const lonely = { ...kase, watchers: ['alice'], assignedToUsers: [], assignedToGroups: [] };
    const unheard = event('case.commented', 'alice', { comment: { text: 'x' } }, lonely);
    const received = [created, resolved, unheard, event('case.tags-added', 'uma')].map((e) =>
      subscriber.receives(e),
    );
    expect(received).toEqual([false, true, false, false]);
  });

  it('notifies no one when nobody follows but the actor', () => {
    const lonely = { ...kase, watchers: ['alice'], assignedToUsers: [], assignedToGroups: [] };
    const resolved = event(
      'case.resolved',
      'alice',
      { fromState: 'OPENED', toState: 'RESOLVED' },
      lonely,
    );
    expect(notify(resolved)).toEqual([]);
  });

  it('addresses e-mail addresses as e-mail and anything else as a user', () => {
    expect(addresseeOf('jane.doe@example.co.uk')).toEqual({
      kind: 'email',
      id: 'jane.doe@example.co.uk',
    });
    expect(addresseeOf('carol')).toEqual({ kind: 'user', id: 'carol' });
    expect(addresseeOf('not@an')).toEqual({ kind: 'user', id: 'not@an' });
  });
});

describe('case notification policy: internal comments', () => {
  const followed: FollowedCase = { ...kase, initiatorId: 'carol', watchers: ['carol', 'wendy'] };
  const internal = { commentId: 'c-9', commentVisibility: 'internal', comment: { text: 'Secret' } };

  it('never tells a watching initiator of an internal comment; the agents hear of it', () => {
    const notifications = notify(event('case.commented', 'alice', internal, followed));
    expect(who(notifications)).toEqual(['user:wendy', 'user:uma', 'group:desk']);
    expect(notifications[0].payload).toMatchObject({ comment: 'Secret' });
  });

  it('tells a watching initiator of a state change, without its internal comment', () => {
    const held = event(
      'case.put-on-hold',
      'alice',
      { fromState: 'IN_PROCESS', toState: 'ON_HOLD', ...internal },
      followed,
    );
    const notifications = notify(held);
    const carol = notifications.find((n) => n.recipient.id === 'carol')!;
    expect(carol.payload).not.toHaveProperty('comment');
    expect(JSON.stringify(carol.payload)).not.toContain('Secret');
    const wendy = notifications.find((n) => n.recipient.id === 'wendy')!;
    expect(wendy.payload).toMatchObject({ comment: 'Secret' });
  });

  it('tells the initiator of public comments, and of internal ones when assigned to the case', () => {
    const shown = { ...internal, commentVisibility: 'public' };
    expect(who(notify(event('case.commented', 'alice', shown, followed)))).toContain('user:carol');
    const assigned = { ...followed, assignedToUsers: ['carol'] };
    expect(who(notify(event('case.commented', 'alice', internal, assigned)))).toContain(
      'user:carol',
    );
  });
});
