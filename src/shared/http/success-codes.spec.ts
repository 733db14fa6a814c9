import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUCCESS_MESSAGES, SuccessCode } from './success-codes';

const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');

describe('success codes', () => {
  const codes = Object.keys(SUCCESS_MESSAGES) as SuccessCode[];

  it('are CASE + 4 digits, each with a message', () => {
    for (const code of codes) {
      expect(code).toMatch(/^CASE[019]\d{3}$/);
      expect(SUCCESS_MESSAGES[code]).toMatch(/\S/);
    }
  });

  it('lists every extension code (CASE1xxx) in the README with its message, and no other', () => {
    const documented = readme
      .split('\n')
      .map((line) => /^\| (CASE1\d{3}) \| [^|]+ \| (.+) \|$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]);
    const expected = codes
      .filter((code) => code.startsWith('CASE1'))
      .map((code) => [code, SUCCESS_MESSAGES[code]]);
    expect(documented.sort()).toEqual(expected.sort());
  });
});
