import { Permission } from '../../../shared/auth/permission.enum';
import { CaseState } from '../../../shared/domain/case-state';
import { actor, caseIn, ctx, T1 } from '../../../../test/support/builders/case-aggregate.builder';
import { Case } from '../../cases';
import { CaseEvent } from '../../cases';
import { collaborate } from './case-collaboration';

const { OPENED, IN_PROCESS, REQUEST_INPUT, ON_HOLD, RESOLVED, COMPLETED, CANCELED } = CaseState;
const LIVE = [CaseState.NEW, OPENED, IN_PROCESS, REQUEST_INPUT, ON_HOLD, RESOLVED];

const events = (c: Case) =>
  (c.pullEvents() as CaseEvent[]).map((e) => ({ type: e.type, actorId: e.actorId, data: e.data }));
const viewer = (userId: string, ...permissions: Permission[]) =>
  actor(userId, [Permission.CASE_VIEW, ...permissions]);

describe('Case.collaborate', () => {
  describe('comments', () => {
    it('adds a trimmed comment with its event and bumps updatedAt, in any state', () => {
      for (const state of [...LIVE, COMPLETED, CANCELED]) {
        const kase = caseIn(state);
        const result = collaborate(kase, { kind: 'comment', text: '  Looks like toner  ' }, ctx());
        expect(result).toEqual({
          answeredInput: false,
          comment: {
            id: expect.any(String),
            kind: 'COMMENT',
            visibility: 'internal',
            authorId: 'alice',
            text: 'Looks like toner',
            createdAt: T1,
          },
          message: undefined,
        });
        expect(kase.snapshot).toMatchObject({ state, updatedAt: T1 });
        const [commented] = kase.pullEvents() as CaseEvent[];
        expect(commented.context.comment).toEqual(result.comment);
        expect({ type: commented.type, actorId: commented.actorId, data: commented.data }).toEqual({
          type: 'case.commented',
          actorId: 'alice',
          data: { commentId: result.comment!.id, commentVisibility: 'internal' },
        });
      }
    });

    it('refuses blank and over-long text with 400 details on `text`', () => {
      const kase = caseIn(OPENED);
      for (const text of ['', '   \n\t ', 'x'.repeat(10_001)]) {
        expect(() => collaborate(kase, { kind: 'comment', text }, ctx())).toThrow(
          expect.objectContaining({
            code: 'CASE4000',
            details: [expect.objectContaining({ field: 'text' })],
          }),
        );
      }
      expect(
        collaborate(kase, { kind: 'comment', text: 'x'.repeat(10_000) }, ctx()).comment?.text,
      ).toHaveLength(10_000);
    });
  });

  describe('initiator comments', () => {
    it('answers a REQUEST_INPUT case: comment, then IN_PROCESS through the process transition', () => {
      const kase = caseIn(REQUEST_INPUT, { initiatorId: 'carol' });
      const result = collaborate(
        kase,
        { kind: 'initiatorComment', text: 'Here it is' },
        ctx(actor('carol')),
      );
      expect(result.answeredInput).toBe(true);
      expect(result.comment).toMatchObject({ kind: 'INITIATOR', authorId: 'carol' });
      expect(kase.snapshot.state).toBe(IN_PROCESS);
      expect(events(kase)).toEqual([
        {
          type: 'case.initiator-commented',
          actorId: 'carol',
          data: { commentId: result.comment!.id, commentVisibility: 'public' },
        },
        {
          type: 'case.processing-started',
          actorId: 'carol',
          data: { fromState: REQUEST_INPUT, toState: IN_PROCESS, answeredBy: 'initiatorComment' },
        },
      ]);
    });

    it('keeps the state in every other state', () => {
      for (const state of [CaseState.NEW, OPENED, IN_PROCESS, ON_HOLD, RESOLVED, COMPLETED]) {
        const kase = caseIn(state, { initiatorId: 'carol' });
        const result = collaborate(
          kase,
          { kind: 'initiatorComment', text: 'More info' },
          ctx(actor('carol')),
        );
        expect({ state, answered: result.answeredInput, now: kase.snapshot.state }).toEqual({
          state,
          answered: false,
          now: state,
        });
        expect(events(kase).map((e) => e.type)).toEqual(['case.initiator-commented']);
      }
    });

    it('is 403 CASE4031 for anyone but the initiator, even CASE_ALL', () => {
      const kase = caseIn(REQUEST_INPUT, { initiatorId: 'carol' });
      expect(() =>
        collaborate(kase, { kind: 'initiatorComment', text: 'Hi' }, ctx(actor('alice'))),
      ).toThrow(expect.objectContaining({ code: 'CASE4031' }));
      expect(kase.snapshot.state).toBe(REQUEST_INPUT);
      expect(kase.pullEvents()).toEqual([]);
    });
  });

  describe('tags', () => {
    it('merges normalized tags, records only the new ones, and ignores a repeat', () => {
      const kase = caseIn(OPENED, { tags: ['printer'] });
      collaborate(
        kase,
        { kind: 'addTags', tags: [' Urgent ', 'PRINTER', 'urgent', 'floor-2'] },
        ctx(),
      );
      expect(kase.snapshot.tags).toEqual(['printer', 'urgent', 'floor-2']);
      expect(events(kase)).toEqual([
        {
          type: 'case.tags-added',
          actorId: 'alice',
          data: {
            tags: ['urgent', 'floor-2'],
            changes: { tags: { old: ['printer'], new: ['printer', 'urgent', 'floor-2'] } },
          },
        },
      ]);
      collaborate(kase, { kind: 'addTags', tags: ['URGENT'] }, ctx());
      expect(kase.pullEvents()).toEqual([]);
    });

    it('bounds a case to 20 tags of 50 characters', () => {
      const full = caseIn(OPENED, { tags: Array.from({ length: 20 }, (_, i) => `t${i}`) });
      expect(() => collaborate(full, { kind: 'addTags', tags: ['one-more'] }, ctx())).toThrow(
        expect.objectContaining({
          code: 'CASE4000',
          details: [expect.objectContaining({ field: 'tags' })],
        }),
      );
      expect(() =>
        collaborate(caseIn(OPENED), { kind: 'addTags', tags: ['x'.repeat(51)] }, ctx()),
      ).toThrow(expect.objectContaining({ code: 'CASE4000' }));
      expect(collaborate(full, { kind: 'addTags', tags: ['T0'] }, ctx())).toEqual({
        answeredInput: false,
      });
    });

    it('removes a tag matched after normalization; an absent tag is 404 CASE4049', () => {
      const kase = caseIn(OPENED, { tags: ['printer', 'urgent'] });
      collaborate(kase, { kind: 'removeTag', tag: ' URGENT' }, ctx());
      expect(kase.snapshot.tags).toEqual(['printer']);
      expect(events(kase)[0]).toMatchObject({ type: 'case.tag-removed', data: { tag: 'urgent' } });
      expect(() => collaborate(kase, { kind: 'removeTag', tag: 'urgent' }, ctx())).toThrow(
        expect.objectContaining({ code: 'CASE4049' }),
      );
    });

    it('are edits: not on a closed case (409 CASE4091)', () => {
      for (const state of [COMPLETED, CANCELED]) {
        expect(() => collaborate(caseIn(state), { kind: 'addTags', tags: ['x'] }, ctx())).toThrow(
          expect.objectContaining({ code: 'CASE4091' }),
        );
        expect(() =>
          collaborate(caseIn(state, { tags: ['x'] }), { kind: 'removeTag', tag: 'x' }, ctx()),
        ).toThrow(expect.objectContaining({ code: 'CASE4091' }));
      }
    });
  });

  describe('watchers', () => {
    it('lets a viewer watch and unwatch themselves; a repeat watch changes nothing', () => {
      const kase = caseIn(OPENED);
      collaborate(kase, { kind: 'watch', userId: 'bob' }, ctx(viewer('bob')));
      collaborate(kase, { kind: 'watch', userId: 'bob' }, ctx(viewer('bob')));
      expect(kase.snapshot.watchers).toEqual(['bob']);
      collaborate(kase, { kind: 'unwatch', userId: 'bob' }, ctx(viewer('bob')));
      expect(kase.snapshot.watchers).toEqual([]);
      expect(events(kase).map((e) => [e.type, e.data.userId])).toEqual([
        ['case.watcher-added', 'bob'],
        ['case.watcher-removed', 'bob'],
      ]);
    });

    it('needs CASE_EDIT for someone else (403 CASE4030); unwatching a non-watcher is 404 CASE4050', () => {
      const kase = caseIn(COMPLETED, { watchers: ['dave'] });
      for (const kind of ['watch', 'unwatch'] as const) {
        expect(() => collaborate(kase, { kind, userId: 'dave' }, ctx(viewer('bob')))).toThrow(
          expect.objectContaining({ code: 'CASE4030' }),
        );
      }
      collaborate(
        kase,
        { kind: 'watch', userId: 'erin' },
        ctx(viewer('bob', Permission.CASE_EDIT)),
      );
      expect(kase.snapshot.watchers).toEqual(['dave', 'erin']);
      expect(() => collaborate(kase, { kind: 'unwatch', userId: 'zed' }, ctx())).toThrow(
        expect.objectContaining({ code: 'CASE4050' }),
      );
    });
  });

  describe('messages', () => {
    it('sends to the initiator by default and to an explicit address otherwise', () => {
      const kase = caseIn(OPENED, { initiatorId: 'carol' });
      const first = collaborate(
        kase,
        { kind: 'sendMessage', subject: ' Hi ', body: ' Need a photo ' },
        ctx(),
      );
      const second = collaborate(
        kase,
        { kind: 'sendMessage', subject: 'Hi', body: 'Copy', to: 'ops@example.com' },
        ctx(),
      );
      expect(first.message).toEqual({
        id: expect.any(String),
        direction: 'OUT',
        from: 'alice',
        to: 'carol',
        subject: 'Hi',
        body: 'Need a photo',
        createdAt: T1,
        createdBy: 'alice',
      });
      expect(second.message?.to).toBe('ops@example.com');
      expect(events(kase)[0]).toEqual({
        type: 'case.message-sent',
        actorId: 'alice',
        data: {
          messageId: first.message!.id,
          direction: 'OUT',
          from: 'alice',
          to: 'carol',
          subject: 'Hi',
          body: 'Need a photo',
        },
      });
    });

    it('receives: answers a REQUEST_INPUT case, keeps the state otherwise', () => {
      const waiting = caseIn(REQUEST_INPUT);
      const change = {
        kind: 'receiveMessage',
        from: 'carol@example.com',
        subject: 'Re',
        body: 'Done',
      } as const;
      expect(collaborate(waiting, change, ctx(actor('gateway'))).answeredInput).toBe(true);
      expect(waiting.snapshot.state).toBe(IN_PROCESS);
      expect(events(waiting).map((e) => e.type)).toEqual([
        'case.message-received',
        'case.processing-started',
      ]);
      const held = caseIn(ON_HOLD);
      expect(collaborate(held, change, ctx(actor('gateway'))).message).toMatchObject({
        direction: 'IN',
        from: 'carol@example.com',
        to: null,
      });
      expect(held.snapshot.state).toBe(ON_HOLD);
    });
  });
});
