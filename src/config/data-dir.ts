import { resolve } from 'node:path';

/** `DATA_DIR` (default `./data`) as an absolute path: the embedded database and local files. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DATA_DIR ?? './data');
}
