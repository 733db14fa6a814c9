import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS } from './migrations';

/**
 * A gzipped tar of an embedded data directory right after initdb and every migration, written by
 * `npm run build` (dist/cli/pgdata-template.js) beside the compiled service. Unpacking it is what
 * a first start on an empty DATA_DIR does instead of running initdb (most of that start) and the
 * migrations; TypeORM then finds every migration applied. It is used only when it was made by the
 * installed PGlite and its migrations are the first of the code's, else initdb runs as before.
 */
export const TEMPLATE_FILE = join(__dirname, '..', '..', 'pgdata-template.tar.gz');
export const TEMPLATE_MANIFEST = `${TEMPLATE_FILE.slice(0, -'.tar.gz'.length)}.json`;

export interface TemplateManifest {
  pglite: string;
  startParams: string[];
  migrations: string[];
}

export function pgliteVersion(): string {
  const entry = require.resolve('@electric-sql/pglite');
  const manifest = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export function migrationNames(): string[] {
  return MIGRATIONS.map((m) => m.name);
}

/** The template's bytes when it fits this code and this PGlite, else undefined. */
export function usableTemplate(startParams: string[]): Buffer | undefined {
  if (!existsSync(TEMPLATE_FILE) || !existsSync(TEMPLATE_MANIFEST)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(TEMPLATE_MANIFEST, 'utf8')) as TemplateManifest;
    const current = migrationNames();
    const fits =
      manifest.pglite === pgliteVersion() &&
      JSON.stringify(manifest.startParams) === JSON.stringify(startParams) &&
      manifest.migrations.length <= current.length &&
      manifest.migrations.every((name, i) => current[i] === name);
    return fits ? readFileSync(TEMPLATE_FILE) : undefined;
  } catch {
    return undefined;
  }
}

/** No database yet: the directory is missing or empty. */
export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
