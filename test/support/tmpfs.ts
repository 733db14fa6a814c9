import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  dir: string;
  unmount(): void;
}

/**
 * A real small or read-only filesystem (`mount -t tmpfs`), for storage faults the process cannot
 * fake by itself (root ignores permission bits). Undefined where mounting is not allowed.
 */
export function mountTmpfs(options: string): Tmpfs | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'cms-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `describe` where a tmpfs can be mounted, otherwise skipped with the reason in its title. */
export function describeWithTmpfs(name: string, fn: () => void): void {
  const probe = mountTmpfs('size=16k');
  probe?.unmount();
  if (probe) describe(name, fn);
  else describe.skip(`${name} (skipped: mounting a tmpfs is not allowed here)`, fn);
}
