import fc from 'fast-check';
import { pickAgent, PickInput } from './pick-agent';

const input = (over: Partial<PickInput>): PickInput => ({
  strategy: 'round-robin',
  members: ['ann', 'bob', 'cat'],
  loads: new Map(),
  capacity: null,
  lastPicked: null,
  ...over,
});

describe('pickAgent', () => {
  it('round-robin takes the member after the last one picked, wrapping round', () => {
    expect(pickAgent(input({})).assignee).toBe('ann');
    expect(pickAgent(input({ lastPicked: 'ann' })).assignee).toBe('bob');
    expect(pickAgent(input({ lastPicked: 'cat' })).assignee).toBe('ann');
  });

  it('round-robin keeps its place when the last one picked has left the groups', () => {
    expect(pickAgent(input({ lastPicked: 'bea' })).assignee).toBe('bob');
    expect(pickAgent(input({ lastPicked: 'zed' })).assignee).toBe('ann');
  });

  it('rotates through every member in turn', () => {
    let last: string | null = null;
    const picked: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      last = pickAgent(input({ members: ['cat', 'ann', 'bob'], lastPicked: last })).assignee;
      picked.push(last);
    }
    expect(picked).toEqual(['ann', 'bob', 'cat', 'ann', 'bob', 'cat']);
  });

  it('least-loaded takes the fewest open cases, the lower id on a tie', () => {
    const loads = new Map([
      ['ann', 3],
      ['bob', 1],
      ['cat', 1],
    ]);
    expect(pickAgent(input({ strategy: 'least-loaded', loads })).assignee).toBe('bob');
  });

  it('skips members at capacity and the ones who have just given the case back', () => {
    const loads = new Map([['bob', 2]]);
    const outcome = pickAgent(input({ lastPicked: 'ann', loads, capacity: 2, excluded: ['cat'] }));
    expect(outcome).toEqual({
      assignee: 'ann',
      considered: [
        { userId: 'ann', load: 0 },
        { userId: 'bob', load: 2, skipped: 'at-capacity' },
        { userId: 'cat', load: 0, skipped: 'just-unclaimed' },
      ],
    });
  });

  it('says why nobody was picked', () => {
    expect(pickAgent(input({ members: [] }))).toEqual({
      assignee: null,
      considered: [],
      reason: 'no-active-members',
    });
    const full = pickAgent(input({ capacity: 1, loads: new Map([['ann', 1]]), members: ['ann'] }));
    expect(full.assignee).toBeNull();
    expect(full.reason).toBe('none-eligible');
  });

  it('never picks a member at capacity or excluded, and picks someone whenever anyone is eligible', () => {
    const ids = fc.constantFrom<string>('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(
        fc.constantFrom('round-robin' as const, 'least-loaded' as const),
        fc.uniqueArray(ids, { maxLength: 5 }),
        fc.dictionary(ids, fc.nat(5)),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.option(ids, { nil: null }),
        fc.array(ids, { maxLength: 2 }),
        (strategy, members, rawLoads, capacity, lastPicked, excluded) => {
          const loads = new Map(Object.entries(rawLoads));
          const load = (id: string) => loads.get(id) ?? 0;
          const eligible = members.filter(
            (m) => !excluded.includes(m) && (capacity === null || load(m) < capacity),
          );
          const { assignee } = pickAgent({
            strategy,
            members,
            loads,
            capacity,
            lastPicked,
            excluded,
          });
          if (eligible.length === 0) return assignee === null;
          if (!assignee || !eligible.includes(assignee)) return false;
          return strategy === 'round-robin' || eligible.every((m) => load(assignee) <= load(m));
        },
      ),
    );
  });
});
