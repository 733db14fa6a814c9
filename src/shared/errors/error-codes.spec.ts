import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOGUE, ErrorCode, statusOf } from './error-codes';

const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
const row = (code: ErrorCode) =>
  `| ${code} | ${statusOf(code)} | ${ERROR_CATALOGUE[code].message} |`;

describe('error catalogue', () => {
  const codes = Object.values(ErrorCode);

  it('has one entry per code, each CASE + 4 digits whose first digit is the status class', () => {
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(ERROR_CATALOGUE).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(code).toMatch(/^CASE[45]\d{3}$/);
      expect(code[4]).toBe(String(statusOf(code))[0]);
      expect(ERROR_CATALOGUE[code].message).toMatch(/\S/);
    }
  });

  it('is the table in README.md, row for row', () => {
    const documented = readme.split('\n').filter((line) => /^\| CASE[45]\d{3} \|/.test(line));
    const expected = codes.map(row);
    if (documented.join('\n') !== expected.join('\n')) {
      // The rows to paste into the README's "Error codes" table.
      console.error(expected.join('\n'));
    }
    expect(documented).toEqual(expected);
  });

  it('holds only codes something raises (a mention in @ApiErrors alone does not count)', () => {
    const root = join(__dirname, '../..');
    const source = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(f))
      .filter((f) => !f.endsWith('error-codes.ts'))
      .map((f) => readFileSync(join(root, f), 'utf8').replace(/@ApiErrors\([^)]*\)/g, ''))
      .join('\n');
    const unraised = Object.entries(ErrorCode)
      .filter(([name]) => !new RegExp(`ErrorCode\\.${name}\\b`).test(source))
      .map(([, code]) => code);
    expect(unraised).toEqual([]);
  });
});
