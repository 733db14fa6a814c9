import { ErrorDetail } from '../../../shared/errors/domain-error';
import { assignmentOf } from './case-type-assignment';
import { CaseTypeConfig } from './case-type-config';

describe('assignmentOf', () => {
  const check = (input: Parameters<typeof assignmentOf>[1]) => {
    const issues: ErrorDetail[] = [];
    return { rule: assignmentOf(issues, input), fields: issues.map((i) => i.field) };
  };

  it('keeps a valid rule, trims and dedupes groups; absent groups and capacity are null', () => {
    expect(
      check({ strategy: 'round-robin', groups: [' desk ', 'desk', 'ops'], capacity: 5 }),
    ).toEqual({
      rule: { strategy: 'round-robin', groups: ['desk', 'ops'], capacity: 5 },
      fields: [],
    });
    expect(check({ strategy: 'least-loaded' })).toEqual({
      rule: { strategy: 'least-loaded', groups: null, capacity: null },
      fields: [],
    });
    expect(check(null)).toEqual({ rule: null, fields: [] });
  });

  it('reports every broken rule with its field', () => {
    expect(check({ strategy: 'random', groups: ['', 'ok'], capacity: 0 }).fields).toEqual([
      'assignment.strategy',
      'assignment.groups.0',
      'assignment.capacity',
    ]);
    expect(check({ strategy: 'none', groups: [] }).fields).toEqual(['assignment.groups']);
    expect(check({ strategy: 'none', capacity: 2.5 }).fields).toEqual(['assignment.capacity']);
  });

  it('is part of the case type configuration: kept on unrelated changes, cleared by null', () => {
    const config = CaseTypeConfig.create({ assignment: { strategy: 'least-loaded', capacity: 3 } });
    const renamed = config.change({ autoCloseHours: 4 });
    expect(renamed.data.assignment).toEqual({
      strategy: 'least-loaded',
      groups: null,
      capacity: 3,
    });
    expect(renamed.change({ assignment: null }).data.assignment).toBeNull();
    expect(() => config.change({ assignment: { strategy: 'x' } })).toThrow();
  });
});
