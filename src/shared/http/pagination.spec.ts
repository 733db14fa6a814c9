import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { CursorField, decodeCursor, encodeCursor, toPage } from './pagination';

const ID = '5d1f3a9e-2b4c-4d6e-8f01-23456789abcd';

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('pagination cursors', () => {
  it.each<[string, (string | number | null)[], CursorField[]]>([
    ['number + uuid', [3, ID], ['number', 'uuid']],
    ['timestamp + uuid', ['2026-01-05T09:00:00.123Z', ID], ['timestamp', 'uuid']],
    ['nullables', [null, null, 'x'], ['nullable-timestamp', 'nullable-number', 'string']],
    [
      'nullables set',
      ['2026-01-05T09:00:00.000Z', -1.5],
      ['nullable-timestamp', 'nullable-number'],
    ],
    ['unicode text', ['é ✓ "quoted" / , ; ?'], ['string']],
  ])('round-trips %s', (_label, values, shape) => {
    const cursor = encodeCursor(values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, shape)).toEqual(values);
  });

  it('no cursor means the first page', () => {
    expect(decodeCursor(undefined, ['number', 'uuid'])).toBeUndefined();
  });

  it.each([
    ['garbage', 'garbage'],
    ['empty', ''],
    ['not JSON', Buffer.from('{not json').toString('base64url')],
    ['an object', encodeCursor({ a: 1 } as never)],
    ['too short', encodeCursor([3])],
    ['too long', encodeCursor([3, ID, 'extra'])],
    ['wrong types', encodeCursor(['3', ID])],
    ['a bad uuid', encodeCursor([3, 'not-a-uuid'])],
    ['an infinite number', Buffer.from('[1e999,"' + ID + '"]').toString('base64url')],
    ['a null where a number must be', encodeCursor([null, ID])],
    ['SQL in the uuid', encodeCursor([3, `${ID}' OR 1=1 --`])],
  ])('a tampered cursor (%s) is CASE4002', (_label, cursor) => {
    expect(codeOf(() => decodeCursor(cursor, ['number', 'uuid']))).toBe(ErrorCode.InvalidCursor);
  });

  it('a timestamp cursor must hold a date', () => {
    expect(codeOf(() => decodeCursor(encodeCursor(['yesterday', ID]), ['timestamp', 'uuid']))).toBe(
      ErrorCode.InvalidCursor,
    );
  });
});

describe('toPage', () => {
  const rows = [1, 2, 3, 4].map((n) => ({ n, id: `id-${n}` }));

  it('uses the extra row only to know there is a next page, pointing at the last row returned', () => {
    const page = toPage(rows.slice(0, 3), 2, (r) => [r.n, r.id]);
    expect(page.data).toEqual(rows.slice(0, 2));
    expect(page.page.limit).toBe(2);
    expect(decodeCursor(page.page.nextCursor ?? undefined, ['number', 'string'])).toEqual([
      2,
      'id-2',
    ]);
  });

  it('has no next cursor on the last page', () => {
    expect(toPage(rows.slice(0, 2), 2, (r) => [r.n]).page.nextCursor).toBeNull();
    expect(toPage([], 50, () => [])).toEqual({ data: [], page: { limit: 50, nextCursor: null } });
  });
});
