import type { Linter } from 'eslint';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Lints `code` as if it were the file `path`, with the boundary rule exactly as eslint.config.mjs
 * exports it (`moduleBoundaries`, what `npm run lint` applies to src/). ESLint runs in a child
 * process, since its ESM config cannot load inside jest's VM, and without type information, which
 * a file that is not on disk cannot have; the imports below name files that exist.
 */
const LINT = `
  import { ESLint } from 'eslint';
  import tseslint from 'typescript-eslint';
  import { moduleBoundaries } from './eslint.config.mjs';
  const [code, filePath] = JSON.parse(process.argv[1]);
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      { files: ['src/**/*.ts'], ...moduleBoundaries },
    ],
  });
  const [result] = await eslint.lintText(code, { filePath });
  process.stdout.write(JSON.stringify(result.messages));
`;

async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const args = ['--input-type=module', '-e', LINT, JSON.stringify([code, join(ROOT, path)])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  await new Promise((resolve) => child.once('close', resolve));
  const messages = JSON.parse(out) as Linter.LintMessage[];
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('; '));
  return messages
    .filter((m) => m.ruleId === 'boundaries/dependencies')
    .map((m) => `${m.line}: ${m.message}`);
}

describe('module boundaries (lint)', () => {
  jest.setTimeout(60_000);

  it('fails a reach-in from one module into another module’s internals', async () => {
    const errors = await boundaryErrors(
      'src/modules/auto-close/reach-in.ts',
      "export { CaseRepository } from '../cases/domain/case.repository';\n",
    );
    expect(errors).toEqual([
      expect.stringMatching(/^1: Import another module only through its index\.ts/),
    ]);
  });

  it('fails the same reach-in however its path is spelt, and from app-level files', async () => {
    expect(
      await boundaryErrors(
        'src/modules/auto-close/consumer/reach-in.ts',
        "export { CaseResponseDto } from '../../../modules/cases/http/case.response.dto';\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'src/reach-in.ts',
        "export { DefinitionsModule } from './modules/definitions/definitions.module';\n",
      ),
    ).toHaveLength(1);
  });

  it('fails the kernel importing a module, even through its index.ts', async () => {
    expect(
      await boundaryErrors(
        'src/shared/reach-in.ts',
        "export { CasesModule } from '../modules/cases';\n",
      ),
    ).toHaveLength(1);
  });

  it('passes an import through the public face and imports inside one module', async () => {
    const code = [
      "export { CaseRepository, CompleteCaseCommand } from '../cases';",
      "export { AutoCloseModule } from './auto-close.module';",
      "export { Clock } from '../../shared/time/clock';",
      '',
    ].join('\n');
    expect(await boundaryErrors('src/modules/auto-close/compliant.ts', code)).toEqual([]);
  });
});
