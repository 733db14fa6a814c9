import fc from 'fast-check';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { fieldValueProblem, MAX_FIELDS } from '../case-field-definition';
import { CaseFieldInput } from './case-field-definitions';
import { CaseTypeConfig } from './case-type-config';

const field = (overrides: Partial<CaseFieldInput> = {}): CaseFieldInput => ({
  key: 'policyNumber',
  label: 'Policy number',
  type: 'string',
  ...overrides,
});

function rejected(fields: CaseFieldInput[]): string[] {
  try {
    CaseTypeConfig.create({ fields });
  } catch (error) {
    expect((error as DomainError).code).toBe(ErrorCode.InvalidConfiguration);
    return ((error as DomainError).details ?? []).map((d) => d.field ?? '');
  }
  throw new Error('expected the field definitions to be rejected');
}

describe('case type field definitions', () => {
  it('stores each field with every setting, absent ones as null or false', () => {
    const config = CaseTypeConfig.create({
      fields: [
        field({ maxLength: 20, required: true, default: 'PN-1' }),
        field({ key: 'amount', label: 'Amount', type: 'number', min: 0, max: 10, default: 5 }),
        field({ key: 'severity', label: 'Severity', type: 'enum', options: ['low', 'high'] }),
        field({ key: 'from', label: 'From', type: 'date', min: '2026-01-01', filterable: true }),
        field({ key: 'urgent', label: 'Urgent', type: 'boolean', default: false }),
        field({ key: 'expert', label: 'Expert', type: 'user' }),
      ],
    });
    expect(config.data.fields[0]).toEqual({
      key: 'policyNumber',
      label: 'Policy number',
      type: 'string',
      required: true,
      options: null,
      min: null,
      max: null,
      maxLength: 20,
      filterable: false,
      default: 'PN-1',
    });
    expect(config.data.fields.map((f) => f.default)).toEqual(['PN-1', 5, null, null, false, null]);
    expect(config.data.fields[3]).toMatchObject({ min: '2026-01-01', filterable: true });
  });

  it('refuses malformed and repeated keys, blank labels and unknown types', () => {
    expect(
      rejected([
        field({ key: 'Policy' }),
        field({ key: '1st' }),
        field({ key: 'a'.repeat(41) }),
        field({ key: 'ok', label: '  ' }),
        field({ key: 'ok', type: 'money' }),
      ]),
    ).toEqual([
      'fields.0.key',
      'fields.1.key',
      'fields.2.key',
      'fields.3.label',
      'fields.4.type',
      'fields.4.key',
    ]);
  });

  it('requires options for an enum and refuses settings of other types', () => {
    expect(
      rejected([
        field({ type: 'enum' }),
        field({ key: 'b', type: 'enum', options: ['x', 'x'] }),
        field({ key: 'c', options: ['x'] }),
        field({ key: 'd', min: 1 }),
        field({ key: 'e', type: 'number', maxLength: 3 }),
        field({ key: 'f', type: 'number', min: 'one' }),
        field({ key: 'g', type: 'date', max: '2026-02-30' }),
        field({ key: 'h', type: 'number', min: 5, max: 1 }),
        field({ key: 'i', maxLength: 0 }),
      ]),
    ).toEqual([
      'fields.0.options',
      'fields.1.options',
      'fields.2.options',
      'fields.3.min',
      'fields.4.maxLength',
      'fields.5.min',
      'fields.6.max',
      'fields.7.min',
      'fields.8.maxLength',
    ]);
  });

  it('validates a default against its own field', () => {
    expect(
      rejected([
        field({ maxLength: 2, default: 'abc' }),
        field({ key: 'n', type: 'number', max: 3, default: 4 }),
        field({ key: 'e', type: 'enum', options: ['a'], default: 'b' }),
        field({ key: 'b', type: 'boolean', default: 'yes' }),
        field({ key: 'd', type: 'date', default: '2026-13-01' }),
      ]),
    ).toEqual([
      'fields.0.default',
      'fields.1.default',
      'fields.2.default',
      'fields.3.default',
      'fields.4.default',
    ]);
  });

  it(`allows at most ${MAX_FIELDS} fields`, () => {
    const many = Array.from({ length: MAX_FIELDS + 1 }, (_, i) => field({ key: `f${i}` }));
    expect(rejected(many)).toEqual(['fields']);
    expect(CaseTypeConfig.create({ fields: many.slice(1) }).data.fields).toHaveLength(MAX_FIELDS);
  });

  it('keeps the fields when another setting changes, and replaces them as a list', () => {
    const config = CaseTypeConfig.create({ fields: [field()] });
    expect(config.change({ autoCloseHours: 4 }).data.fields).toEqual(config.data.fields);
    expect(config.change({ fields: null }).data.fields).toEqual([]);
  });

  it('checks values per type (property)', () => {
    const number = CaseTypeConfig.create({
      fields: [field({ key: 'n', type: 'number', min: -5, max: 5 })],
    }).data.fields[0];
    fc.assert(
      fc.property(fc.double(), (n) => {
        const ok = Number.isFinite(n) && n >= -5 && n <= 5;
        expect(fieldValueProblem(number, n) === null).toBe(ok);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (v) => {
        if (typeof v !== 'number') expect(fieldValueProblem(number, v)).not.toBeNull();
      }),
    );
  });
});
