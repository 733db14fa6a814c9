import { join } from 'node:path';
import { enableCompileCache } from './compile-cache';

/**
 * Imported by main.ts right after prestart.ts (whose V8 flag must already be set: V8 rejects code
 * kept under other flags), before any module whose compiled code is worth keeping: on a restart,
 * the ~3 000 modules below load from V8's code kept by the previous start (see compile-cache.ts).
 */
enableCompileCache(join(__dirname, '..'));
