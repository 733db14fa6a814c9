import { Actor } from '../../../../shared/auth/actor';
import { EditCaseCommand } from '../../../cases';
import { HoldCaseCommand } from '../../../cases';
import { BULK_ACTION_SPECS, BULK_ACTIONS, paramProblems } from './bulk-actions';

describe('bulk actions', () => {
  it('accepts each action’s own parameters and names the others', () => {
    expect(paramProblems('hold', { reason: 'Waiting', comment: 'x' })).toEqual([]);
    expect(paramProblems('open', { reason: 'Waiting' })).toEqual([
      { field: 'params.reason', message: 'reason is not a parameter of open' },
    ]);
    expect(paramProblems('resolve', {})).toEqual([
      { field: 'params.resolution', message: 'resolution is required for resolve' },
    ]);
    expect(paramProblems('assign', {}).map((p) => p.field)).toEqual(['params']);
    expect(paramProblems('assign', { assignedToGroups: [] })).toEqual([]);
  });

  it('builds the single-case command with only the given fields', () => {
    const actor = new Actor('t', 'alice', new Set());
    const ref = { id: 'x' };
    const edit = BULK_ACTION_SPECS.assign.build(actor, ref, { assignedToUsers: ['bob'] });
    expect(edit).toBeInstanceOf(EditCaseCommand);
    expect((edit as EditCaseCommand).changes).toEqual({ assignedToUsers: ['bob'] });
    const hold = BULK_ACTION_SPECS.hold.build(actor, ref, { reason: 'r', comment: 'c' });
    expect(hold).toMatchObject({ reason: 'r', options: { comment: 'c' } });
    expect(hold).toBeInstanceOf(HoldCaseCommand);
  });

  it('needs a permission besides CASE_BULK for every action', () => {
    for (const action of BULK_ACTIONS) {
      expect(BULK_ACTION_SPECS[action].permission).not.toBe('CASE_BULK');
    }
  });
});
