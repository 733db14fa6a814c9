import { Permission } from '../../../shared/auth/permission.enum';
import { CaseState } from '../../../shared/domain/case-state';
import { actor, caseIn, ctx } from '../../../../test/support/builders/case-aggregate.builder';
import { CaseEvent, commentIsPublic } from '../../cases';
import { collaborate } from './case-collaboration';

const { IN_PROCESS, REQUEST_INPUT } = CaseState;

const lastEvent = (kase: ReturnType<typeof caseIn>) => (kase.pullEvents() as CaseEvent[]).at(-1)!;

describe('comment visibility', () => {
  it("makes an agent's comment internal by default and public when asked", () => {
    const kase = caseIn(IN_PROCESS);
    const internal = collaborate(kase, { kind: 'comment', text: 'Note' }, ctx());
    expect(internal.comment?.visibility).toBe('internal');
    const event = lastEvent(kase);
    expect(event.data).toEqual({ commentId: internal.comment!.id, commentVisibility: 'internal' });
    expect(commentIsPublic(event.data)).toBe(false);
    expect(event.payload()).toMatchObject({
      commentVisibility: 'internal',
      comment: { visibility: 'internal', text: 'Note' },
    });

    const change = { kind: 'comment' as const, text: 'Hi', visibility: 'public' as const };
    const shown = collaborate(kase, change, ctx());
    expect(shown.comment?.visibility).toBe('public');
    expect(commentIsPublic(lastEvent(kase).data)).toBe(true);
  });

  it("makes the initiator's comments public, whatever the input", () => {
    const kase = caseIn(REQUEST_INPUT, { initiatorId: 'carol' });
    const carol = actor('carol', [Permission.CASE_INITIATOR_COMMENT]);
    const result = collaborate(kase, { kind: 'initiatorComment', text: 'Here' }, ctx(carol));
    expect(result.comment?.visibility).toBe('public');
    const [commented] = kase.pullEvents() as CaseEvent[];
    expect(commentIsPublic(commented.data)).toBe(true);
  });

  it('refuses an unknown visibility with 400 details on `visibility`', () => {
    const kase = caseIn(IN_PROCESS);
    const change = { kind: 'comment' as const, text: 'x', visibility: 'secret' as never };
    expect(() => collaborate(kase, change, ctx())).toThrow(
      expect.objectContaining({
        code: 'CASE4000',
        details: [expect.objectContaining({ field: 'visibility' })],
      }),
    );
    expect(kase.pullEvents()).toEqual([]);
  });

  it("makes an action's comment internal by default and carries its visibility in the data", () => {
    const kase = caseIn(IN_PROCESS);
    kase.hold({ ...ctx(), comment: 'Waiting for parts' }, 'parts');
    const held = lastEvent(kase);
    expect(held.data).toMatchObject({ commentVisibility: 'internal' });
    expect(held.context.comment).toMatchObject({ visibility: 'internal' });
    expect(commentIsPublic(held.data)).toBe(false);

    const open = caseIn(IN_PROCESS);
    open.hold({ ...ctx(), comment: 'Back Monday', commentVisibility: 'public' }, 'parts');
    expect(commentIsPublic(lastEvent(open).data)).toBe(true);
  });

  it('reads a comment of the time before visibility (no field) as public, and no comment as none', () => {
    expect(commentIsPublic({ commentId: 'c-1' })).toBe(true);
    expect(commentIsPublic({})).toBe(false);
  });
});
