import { CaseState } from '../../../shared/domain/case-state';
import {
  addresseeOf,
  caseNotifications,
  followersOf,
  NotifiedCase,
} from './case-notification.policy';
import { CaseClaimedEvent } from './events/case-claimed.event';
import { CaseCommentedEvent } from './events/case-commented.event';
import { CaseInitiatorCommentedEvent } from './events/case-initiator-commented.event';
import { CaseMessageReceivedEvent } from './events/case-message-received.event';
import { CaseMessageSentEvent } from './events/case-message-sent.event';
import { CaseResolvedEvent } from './events/case-resolved.event';
import { CaseTagsAddedEvent } from './events/case-tags-added.event';
import { CaseChangeData, CaseEventClass } from './events/case.event';

const AT = new Date('2026-01-05T10:00:00.000Z');

const kase: NotifiedCase = {
  id: 'case-1',
  clientId: 'acme',
  displayId: 'CMacme-7',
  details: 'Printer on fire',
  watchers: ['wendy', 'alice', 'uma'],
  assignedToUsers: ['uma', 'alice'],
  assignedToGroups: ['desk', 'desk'],
};

const event = (cls: CaseEventClass, actorId: string, data: CaseChangeData) =>
  new cls('acme', 'case-1', AT, actorId, null, data);

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
    const resolved = event(CaseResolvedEvent, 'alice', {
      fromState: CaseState.IN_PROCESS,
      toState: CaseState.RESOLVED,
      commentId: 'c-1',
    });
    const comments = [{ id: 'c-1', authorId: 'alice', text: 'Fuser replaced', createdAt: AT }];
    const notifications = caseNotifications(kase, [resolved], comments);
    expect(who(notifications)).toEqual(['user:wendy', 'user:uma', 'group:desk']);
    expect(notifications[0]).toEqual({
      clientId: 'acme',
      caseId: 'case-1',
      recipient: { kind: 'user', id: 'wendy' },
      template: 'case.state-changed',
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
    const comments = [
      { id: 'c-1', authorId: 'uma', text: 'On it', createdAt: AT },
      { id: 'c-2', kind: 'INITIATOR' as const, authorId: 'carol', text: 'Thanks', createdAt: AT },
    ];
    const notifications = caseNotifications(
      kase,
      [
        event(CaseCommentedEvent, 'uma', { commentId: 'c-1' }),
        event(CaseInitiatorCommentedEvent, 'carol', { commentId: 'c-2' }),
      ],
      comments,
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
    const toInitiator = caseNotifications(kase, [
      event(CaseMessageSentEvent, 'alice', { ...data, to: 'carol' }),
    ]);
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
    const toAddress = caseNotifications(kase, [
      event(CaseMessageSentEvent, 'alice', { ...data, to: 'carol@example.com' }),
    ]);
    expect(who(toAddress)[0]).toBe('email:carol@example.com');
    const toWatcher = caseNotifications(kase, [
      event(CaseMessageSentEvent, 'alice', { ...data, to: 'wendy' }),
    ]);
    expect(who(toWatcher)).toEqual(['user:wendy', 'user:uma', 'group:desk']);
  });

  it('tells the followers of an inbound message, but nobody outside them', () => {
    const received = event(CaseMessageReceivedEvent, 'gateway', {
      messageId: 'm-2',
      direction: 'IN',
      from: 'carol@example.com',
      to: null,
      subject: 'Re',
      body: 'Attached',
    });
    expect(who(caseNotifications(kase, [received]))).toEqual([
      'user:wendy',
      'user:alice',
      'user:uma',
      'group:desk',
    ]);
  });

  it('stays silent for changes that are not state changes, comments or messages', () => {
    const quiet = [
      event(CaseClaimedEvent, 'uma', { changes: { assignedToUsers: { old: [], new: ['uma'] } } }),
      event(CaseTagsAddedEvent, 'uma', { tags: ['x'] }),
      event(CaseResolvedEvent, 'uma', {
        fromState: CaseState.RESOLVED,
        toState: CaseState.RESOLVED,
      }),
    ];
    expect(caseNotifications(kase, quiet)).toEqual([]);
  });

  it('notifies no one when nobody follows but the actor', () => {
    const lonely = { ...kase, watchers: ['alice'], assignedToUsers: [], assignedToGroups: [] };
    const resolved = event(CaseResolvedEvent, 'alice', {
      fromState: CaseState.OPENED,
      toState: CaseState.RESOLVED,
    });
    expect(caseNotifications(lonely, [resolved])).toEqual([]);
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
