import { Actor } from '../../../shared/auth/actor';
import { Permission } from '../../../shared/auth/permission.enum';
import { canView, seesAsAgent, VisibleFacts } from './case-visibility';

const { CASE_VIEW, CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED, CASE_ALL } =
  Permission;

const viewer = (permissions: Permission[], groups: string[] = []) =>
  new Actor('acme', 'alice', new Set(permissions), groups);

const CASES: Record<string, VisibleFacts> = {
  'assigned to me': { initiatorId: 'zoe', assignedToUsers: ['alice'], assignedToGroups: [] },
  'assigned to my group': { initiatorId: 'zoe', assignedToUsers: [], assignedToGroups: ['g1'] },
  'initiated by me': { initiatorId: 'alice', assignedToUsers: ['bob'], assignedToGroups: [] },
  unassigned: { initiatorId: 'zoe', assignedToUsers: [], assignedToGroups: [] },
  "someone else's": { initiatorId: 'zoe', assignedToUsers: ['bob'], assignedToGroups: ['g2'] },
};

/** Which of the cases above each permission shows to alice (member of g1). */
const EXPECTED: [Permission[], string[]][] = [
  [[CASE_VIEW], Object.keys(CASES)],
  [[CASE_ALL], Object.keys(CASES)],
  [[CASE_VIEW_ASSIGNED], ['assigned to me', 'assigned to my group']],
  [[CASE_VIEW_MINE], ['initiated by me']],
  [[CASE_VIEW_UNASSIGNED], ['unassigned']],
  [
    [CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED],
    ['initiated by me', 'unassigned'],
  ],
  [[Permission.CASE_EDIT, Permission.CASE_RESOLVE], []],
  [[], []],
];

describe('canView', () => {
  it.each(EXPECTED)('%j shows %j', (permissions, visible) => {
    const shown = Object.entries(CASES)
      .filter(([, kase]) => canView(viewer(permissions, ['g1']), kase))
      .map(([name]) => name);
    expect(shown).toEqual(visible);
  });

  it('counts group membership only for the groups in the token', () => {
    const kase = CASES['assigned to my group'];
    expect(canView(viewer([CASE_VIEW_ASSIGNED], ['g1']), kase)).toBe(true);
    expect(canView(viewer([CASE_VIEW_ASSIGNED], ['g9']), kase)).toBe(false);
  });

  it('a case assigned only to a group is not unassigned', () => {
    expect(canView(viewer([CASE_VIEW_UNASSIGNED]), CASES['assigned to my group'])).toBe(false);
  });
});

describe('seesAsAgent (who reads internal comments)', () => {
  it.each(EXPECTED)('%j: every view but "mine" is an agent view', (permissions) => {
    const withoutMine = permissions.filter((p) => p !== CASE_VIEW_MINE);
    for (const kase of Object.values(CASES)) {
      expect(seesAsAgent(viewer(permissions, ['g1']), kase)).toBe(
        canView(viewer(withoutMine, ['g1']), kase),
      );
    }
  });

  it('counts an initiator who is also assigned (or holds CASE_VIEW) as an agent', () => {
    const mine = { initiatorId: 'alice', assignedToUsers: ['alice'], assignedToGroups: [] };
    expect(seesAsAgent(viewer([CASE_VIEW_MINE]), mine)).toBe(false);
    expect(seesAsAgent(viewer([CASE_VIEW_MINE, CASE_VIEW_ASSIGNED]), mine)).toBe(true);
    expect(seesAsAgent(viewer([CASE_VIEW_MINE, CASE_VIEW]), CASES['initiated by me'])).toBe(true);
  });
});
