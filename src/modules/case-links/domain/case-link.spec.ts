import { LinkType, newCaseLink, seenFrom } from './case-link';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const at = new Date('2026-01-05T09:00:00Z');
const stored = (caseId: string, type: LinkType, other: string) => {
  const { fromCaseId, toCaseId, kind } = newCaseLink('t', caseId, type, other, 'alice', at);
  return { fromCaseId, toCaseId, kind };
};

describe('case link', () => {
  it('stores a link the same way whichever side asks for it', () => {
    expect(stored(A, 'parent', B)).toEqual(stored(B, 'child', A));
    expect(stored(A, 'related', B)).toEqual(stored(B, 'related', A));
    expect(stored(B, 'child', A)).toEqual({ fromCaseId: A, toCaseId: B, kind: 'parent' });
    expect(stored(B, 'duplicate-of', A)).toEqual({
      fromCaseId: B,
      toCaseId: A,
      kind: 'duplicate-of',
    });
  });

  it('reads each link from either side with the matching type', () => {
    const cases: [LinkType, string, string][] = [
      ['parent', 'parent', 'child'],
      ['child', 'child', 'parent'],
      ['related', 'related', 'related'],
      ['duplicate-of', 'duplicate-of', 'duplicated-by'],
    ];
    for (const [type, fromA, fromB] of cases) {
      const link = newCaseLink('t', A, type, B, 'alice', at);
      expect([type, seenFrom(link, A), seenFrom(link, B)]).toEqual([
        type,
        { type: fromA, otherCaseId: B },
        { type: fromB, otherCaseId: A },
      ]);
    }
  });
});
