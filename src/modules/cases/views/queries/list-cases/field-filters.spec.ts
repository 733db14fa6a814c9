import fc from 'fast-check';
import { DomainError } from '../../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../../shared/errors/error-codes';
import { CaseFieldDefinition } from '../../../../definitions';
import { fieldFilterSql, resolveFieldFilters } from './field-filters';

const def = (key: string, type: CaseFieldDefinition['type']): CaseFieldDefinition => ({
  key,
  label: key,
  type,
  required: false,
  options: type === 'enum' ? ['a'] : null,
  min: null,
  max: null,
  maxLength: null,
  filterable: false,
  default: null,
});

const DEFS = [def('n', 'number'), def('b', 'boolean'), def('d', 'date'), def('e', 'enum')];

describe('field.<key> list filters', () => {
  it('reads values by the scoped type, or as every literal the text spells', () => {
    expect(resolveFieldFilters({ n: '42', b: 'false', d: '2026-03-01', e: 'gone' }, DEFS)).toEqual([
      { key: 'n', candidates: [42] },
      { key: 'b', candidates: [false] },
      { key: 'd', candidates: ['2026-03-01'] },
      { key: 'e', candidates: ['gone'] },
    ]);
    expect(resolveFieldFilters({ n: '42', b: 'true', s: 'x', big: '1e999' }, null)).toEqual([
      { key: 'n', candidates: ['42', 42] },
      { key: 'b', candidates: ['true', true] },
      { key: 's', candidates: ['x'] },
      { key: 'big', candidates: ['1e999'] },
    ]);
  });

  it('renders single readings as one containment and ambiguous ones as ORs', () => {
    const params: unknown[] = [];
    const sql = fieldFilterSql(
      (v) => `$${params.push(v)}`,
      [
        { key: 'a', candidates: ['x'] },
        { key: 'b', candidates: [true] },
        { key: 'n', candidates: ['4', 4] },
      ],
    );
    expect(sql).toEqual([
      `c.fields <> '{}'::jsonb`,
      'c.fields @> $1::jsonb',
      '(c.fields @> $2::jsonb OR c.fields @> $3::jsonb)',
    ]);
    expect(params).toEqual(['{"a":"x","b":true}', '{"n":"4"}', '{"n":4}']);
  });

  it('answers only CASE4601 naming field.<key> for anything malformed (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.anything())),
        fc.boolean(),
        (raw, scoped) => {
          try {
            for (const m of resolveFieldFilters(raw, scoped ? DEFS : null)) {
              expect(m.candidates.length).toBeGreaterThan(0);
            }
          } catch (error) {
            expect((error as DomainError).code).toBe(ErrorCode.InvalidFieldFilter);
            for (const d of (error as DomainError).details ?? []) {
              expect(d.field).toMatch(/^field(\.|$)/);
            }
          }
        },
      ),
    );
  });
});
