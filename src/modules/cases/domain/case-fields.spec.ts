import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { CaseFieldDefinition } from '../../definitions';
import {
  fieldChanges,
  fieldsAfterEdit,
  fieldsAtCreation,
  fieldsForTransfer,
  requireKnownFieldUsers,
} from './case-fields';

const def = (key: string, overrides: Partial<CaseFieldDefinition> = {}): CaseFieldDefinition => ({
  key,
  label: key,
  type: 'string',
  required: false,
  options: null,
  min: null,
  max: null,
  maxLength: null,
  filterable: false,
  default: null,
  ...overrides,
});

const DEFS = [
  def('policy', { required: true, maxLength: 8 }),
  def('amount', { type: 'number', min: 0, max: 1000 }),
  def('urgent', { type: 'boolean', default: false }),
  def('since', { type: 'date', min: '2026-01-01', max: '2026-12-31' }),
  def('severity', { type: 'enum', options: ['low', 'high'], default: 'low' }),
  def('expert', { type: 'user' }),
];

function refused(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect((error as DomainError).code).toBe(ErrorCode.InvalidCaseFields);
    return ((error as DomainError).details ?? []).map((d) => d.field ?? '');
  }
  throw new Error('expected the fields to be refused');
}

describe('case field values', () => {
  it('applies defaults on create and keeps what is sent', () => {
    expect(fieldsAtCreation(DEFS, { policy: 'PN-1', amount: 12.5, severity: null })).toEqual({
      policy: 'PN-1',
      amount: 12.5,
      urgent: false,
      severity: 'low',
    });
  });

  it('names every wrong field: type, range, length, options, unknown keys, required', () => {
    expect(
      refused(() =>
        fieldsAtCreation(DEFS, {
          amount: 1001,
          urgent: 'yes',
          since: '2025-12-31',
          severity: 'medium',
          expert: '',
          other: 1,
        }),
      ),
    ).toEqual([
      'fields.amount',
      'fields.urgent',
      'fields.since',
      'fields.severity',
      'fields.expert',
      'fields.other',
      'fields.policy',
    ]);
    expect(refused(() => fieldsAtCreation(DEFS, { policy: 'PN-123456' }))).toEqual([
      'fields.policy',
    ]);
    expect(refused(() => fieldsAtCreation(DEFS, { policy: '   ' }))).toEqual(['fields.policy']);
    expect(refused(() => fieldsAtCreation(DEFS, { policy: 'x', since: '2026-02-30' }))).toEqual([
      'fields.since',
    ]);
    expect(refused(() => fieldsAtCreation(DEFS, { policy: 'x', amount: '5' }))).toEqual([
      'fields.amount',
    ]);
  });

  it('merges edits: keys sent replace, null removes, the others stay unchecked', () => {
    // `legacy` is no longer defined and `amount` is out of today's range: both are kept.
    const stored = { policy: 'PN-1', amount: 5000, legacy: 'x', severity: 'low' };
    expect(fieldsAfterEdit(DEFS, stored, { severity: 'high', urgent: null })).toEqual({
      policy: 'PN-1',
      amount: 5000,
      legacy: 'x',
      severity: 'high',
    });
    expect(fieldsAfterEdit(DEFS, stored, { amount: null })).not.toHaveProperty('amount');
    expect(refused(() => fieldsAfterEdit(DEFS, stored, { policy: null }))).toEqual([
      'fields.policy',
    ]);
    expect(refused(() => fieldsAfterEdit(DEFS, stored, { legacy: 'y' }))).toEqual([
      'fields.legacy',
    ]);
  });

  it('records the fields an edit changed with old and new values', () => {
    expect(fieldChanges({ a: 1, b: 'x' }, { a: 2, c: true, b: 'x' })).toEqual({
      'fields.a': { old: 1, new: 2 },
      'fields.c': { old: null, new: true },
    });
  });

  it('carries valid values of matching keys to a transfer target, defaults for the rest', () => {
    const target = [
      def('policy', { required: true }),
      def('severity', { type: 'enum', options: ['x'], default: 'x' }),
    ];
    expect(fieldsForTransfer(target, { policy: 'PN-1', severity: 'low', amount: 3 })).toEqual({
      policy: 'PN-1',
      severity: 'x',
    });
  });

  it('checks sent user values against the directory, only those sent', async () => {
    const asked: string[][] = [];
    const unknown = (ids: string[]) => {
      asked.push(ids);
      return Promise.resolve(ids.filter((id) => id !== 'anna'));
    };
    await expect(
      requireKnownFieldUsers(DEFS, { expert: 'anna' }, unknown),
    ).resolves.toBeUndefined();
    await expect(requireKnownFieldUsers(DEFS, { policy: 'bob' }, unknown)).resolves.toBeUndefined();
    const error = await requireKnownFieldUsers(DEFS, { expert: 'bob' }, unknown).catch(
      (e: DomainError) => e,
    );
    expect(error).toMatchObject({
      code: ErrorCode.InvalidCaseFields,
      details: [{ field: 'fields.expert' }],
    });
    expect(asked).toEqual([['anna'], ['bob']]);
  });
});
