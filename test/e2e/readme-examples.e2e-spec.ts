import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, freePort } from '../proof/support/service-process';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The one change made to the README's commands: its port, `localhost:3000`, becomes a free one. */
const README_PORT = 'localhost:3000';
const SEPARATOR = '@@readme-command-done@@';

/** The shell commands of the "Using the API" section, continuation lines joined. */
function usingTheApiCommands(): string[] {
  const section = README.split('\n## Using the API\n')[1].split('\n## ')[0];
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  const commands: string[] = [];
  for (const block of blocks) {
    let current = '';
    for (const line of block.split('\n')) {
      current += `${line}\n`;
      if (/(\\|\|)$/.test(line.trimEnd()) || line.trim() === '') continue;
      commands.push(current.trim());
      current = '';
    }
  }
  return commands;
}

/** Runs the commands in one bash (variables carry over) and returns each one's output. */
function runVerbatim(commands: string[], port: number, env: NodeJS.ProcessEnv): string[] {
  const script = commands
    .map((c) => `${c.replaceAll(README_PORT, `localhost:${port}`)}\necho; echo ${SEPARATOR}`)
    .join('\n');
  const out = execFileSync('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return out
    .split(`${SEPARATOR}\n`)
    .slice(0, commands.length)
    .map((s) => s.trim());
}

/**
 * The README's "Using the API" examples, run verbatim by bash against the built service on a
 * fresh DATA_DIR (embedded PGlite, demo data, the development secret), as after `npm install &&
 * npm start`. Only `localhost:3000` is replaced by the free port the service listens on.
 */
describe('README: the "Using the API" examples (e2e, built service)', () => {
  let service: ChildProcess;
  let port: number;
  let output = '';
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

  beforeAll(async () => {
    await ensureBuilt();
    port = await freePort();
    service = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
      cwd: ROOT,
      env: {
        ...env,
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'cms-readme-')),
        JOBS_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    service.stdout?.on('data', (chunk) => (output += chunk.toString()));
    service.stderr?.on('data', (chunk) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!output.includes('Development token')) {
      if (Date.now() > deadline || service.exitCode !== null) {
        throw new Error(`service did not start:\n${output.slice(-3000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 300_000);
  afterAll(async () => {
    if (!service || service.exitCode !== null) return;
    const exited = new Promise((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    await exited;
  });

  it('starts with a short banner: URLs and the token, no route lines at info level', () => {
    const banner = output.slice(output.indexOf('Case Management Service ready'));
    expect(banner).toContain(`Swagger UI   http://localhost:${port}/docs`);
    expect(banner).toMatch(/\n {2}eyJ[\w-]+\.[\w-]+\.[\w-]+\n/);
    expect(output).not.toContain('Mapped {');
    expect(output.split('\n').filter((l) => l.startsWith('{')).length).toBeLessThan(20);
  });

  it('runs every command and each answers as the README says', () => {
    const commands = usingTheApiCommands();
    expect(commands).toHaveLength(9);
    const [token, list, create, client, , , basic, access, check] = runVerbatim(
      commands,
      port,
      env,
    );
    expect(token).toBe('');
    const priorities = JSON.parse(list).data.map((p: { code: string }) => p.code);
    expect(priorities).toEqual(expect.arrayContaining(['HIGH', 'LOW']));
    expect(JSON.parse(create)).toMatchObject({ code: 'CASE0400', data: { code: 'URGENT' } });
    expect(client).toBe('');
    expect(JSON.parse(basic)).toMatchObject({
      token_type: 'Bearer',
      access_token: expect.any(String),
    });
    expect(access).toBe('');
    expect(JSON.parse(check)).toMatchObject({ data: { checked: expect.any(Number) } });
  });

  it('`npm run token -- --help` prints the options', () => {
    const help = execFileSync('npm', ['run', '-s', 'token', '--', '--help'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(help).toContain('--permissions');
    expect(help).toContain('--ttl');
  });
});
