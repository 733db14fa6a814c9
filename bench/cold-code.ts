/*
 * Warm and cold code: how long one piece of a request's path takes when it runs back to back
 * (warm), when it runs after a pause like the one between two pages of the case-list benchmark
 * (cold: the other processes ran meanwhile and the core may have idled), and after 32 MB of other
 * memory was touched (its caches evicted). A diagnostic for "Where the time goes", not a goal row:
 * in the list benchmark every page is one request alone, so every page runs cold, and what a piece
 * of code costs there depends on how much code and data it touches more than on its hot loop.
 *
 *   npx ts-node bench/cold-code.ts [--samples 400] [--pause 5]
 *
 * Two pieces, each given the list benchmark's query: the service's own validation pipe on
 * `ListCasesRequestDto` (class-transformer and class-validator, from `dist/`), and a hand-written
 * check of the same four parameters. Medians in µs, after a warm-up pass and 50 discarded calls
 * per mode.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ValidationPipe } from '@nestjs/common';
import { Args, check, ensureBuilt, log } from './support';

const args = new Args();
const options = { samples: args.number('samples', 400), pauseMs: args.number('pause', 5) };
check(options.samples > 50 && options.pauseMs >= 0, 'need --samples > 50 and --pause >= 0');

type Mode = 'warm' | 'cold' | 'evicted';
const query = () => ({
  state: 'IN_PROCESS',
  caseTypeId: '5f0c6a2e-8b1e-4d5a-9a55-1b2c3d4e5f60',
  limit: '50',
  cursor: 'eyJ2IjoxfQ',
});
const other = new Float64Array(4 * 1024 * 1024); // 32 MB

async function median(piece: (q: Record<string, string>) => unknown, mode: Mode): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    if (mode === 'cold') await sleep(options.pauseMs);
    if (mode === 'evicted') for (let j = 0; j < other.length; j += 8) other[j] += 1;
    const q = query();
    const t0 = process.hrtime.bigint();
    await piece(q);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  const kept = samples.slice(50).sort((a, b) => a - b);
  return kept[kept.length >> 1];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
function handCheck(q: Record<string, string>): unknown {
  const limit = Number(q.limit);
  check(UUID.test(q.caseTypeId) && limit >= 1 && limit <= 200, 'the query is valid');
  return { state: q.state.split(','), caseTypeId: q.caseTypeId, limit, cursor: q.cursor };
}

async function main(): Promise<void> {
  ensureBuilt();
  const dist = join(__dirname, '..', 'dist');
  /* eslint-disable @typescript-eslint/no-require-imports -- the compiled service's own modules */
  const { validationPipe } = require(join(dist, 'shared/http/validation')) as {
    validationPipe: () => ValidationPipe;
  };
  const { ListCasesRequestDto } = require(
    join(dist, 'modules/cases/views/queries/list-cases/list-cases.request.dto'),
  ) as { ListCasesRequestDto: new () => object };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const pipe = validationPipe();
  const pieces: [string, (q: Record<string, string>) => unknown][] = [
    ['validation pipe', (q) => pipe.transform(q, { type: 'query', metatype: ListCasesRequestDto })],
    ['hand check', handCheck],
  ];
  log(`${options.samples} calls per piece and mode; cold = after ${options.pauseMs} ms asleep`);
  for (const [name, piece] of pieces) {
    await median(piece, 'warm'); // compiled and optimized before anything is timed
    const [warm, cold, evicted] = [
      await median(piece, 'warm'),
      await median(piece, 'cold'),
      await median(piece, 'evicted'),
    ];
    log(
      `${name.padEnd(16)} warm ${warm.toFixed(1)} µs · cold ${cold.toFixed(1)} µs ` +
        `(+${(cold - warm).toFixed(1)}) · evicted ${evicted.toFixed(1)} µs (+${(evicted - warm).toFixed(1)})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
