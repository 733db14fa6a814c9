import { dueDatesAtCreation, dueDateWarning } from './case-deadlines';
import { normalizeTags, uniqueIds } from './case-values';

const T0 = new Date('2026-01-05T09:00:00.000Z');

describe('due dates', () => {
  it('adds dueInHours (fractions too) and subtracts warnBeforeHours', () => {
    expect(dueDatesAtCreation(T0, { dueInHours: 1.5, warnBeforeHours: 0.25 })).toEqual({
      dueDate: new Date('2026-01-05T10:30:00.000Z'),
      dueDateWarning: new Date('2026-01-05T10:15:00.000Z'),
    });
  });

  it('has no due date without a rule or an explicit date, and no warning without warnBeforeHours', () => {
    expect(dueDatesAtCreation(T0, { dueInHours: null, warnBeforeHours: 2 })).toEqual({
      dueDate: null,
      dueDateWarning: null,
    });
    expect(dueDateWarning(T0, null)).toBeNull();
    expect(dueDateWarning(null, 3)).toBeNull();
  });
});

describe('tags and id lists', () => {
  it('normalizes tags: trimmed, lower-case, unique, first occurrence first', () => {
    expect(normalizeTags([' Urgent', 'urgent ', 'VIP', 'vip', 'printer'])).toEqual([
      'urgent',
      'vip',
      'printer',
    ]);
  });

  it('rejects blank and over-long tags and more than 20 of them', () => {
    expect(() => normalizeTags(['  '])).toThrow(expect.objectContaining({ code: 'CASE4000' }));
    expect(() => normalizeTags(['x'.repeat(51)])).toThrow(/at most 50/);
    expect(normalizeTags(['x'.repeat(50)])).toHaveLength(1);
    expect(() => normalizeTags(Array.from({ length: 21 }, (_, i) => `t${i}`))).toThrow(/20 tags/);
  });

  it('trims and de-duplicates user and group ids and drops blanks', () => {
    expect(uniqueIds([' bob', 'bob', '', 'carol '])).toEqual(['bob', 'carol']);
  });
});
