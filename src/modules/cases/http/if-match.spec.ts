import { parseIfMatch } from './if-match';

describe('parseIfMatch', () => {
  it('reads a version as a bare number, a quoted ETag or a weak ETag', () => {
    expect(parseIfMatch('3')).toBe(3);
    expect(parseIfMatch('"12"')).toBe(12);
    expect(parseIfMatch('W/"7"')).toBe(7);
  });

  it('treats no header and * as "no expectation"', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it('answers anything else with 400 naming the header', () => {
    for (const bad of ['abc', '0', '-1', '1.5', '"3', '99999999999']) {
      expect(() => parseIfMatch(bad)).toThrow(
        expect.objectContaining({
          code: 'CASE4000',
          details: [expect.objectContaining({ field: 'If-Match' })],
        }),
      );
    }
  });
});
