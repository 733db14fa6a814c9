/* The two sides of bench/sla-check.ts: the application's check in a child `node` process on
 * `dist/`, and the reset that lets both sides run again on the same data (rounds). */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import * as ts from 'typescript';
import type { ChildReport } from './sla-check.child';

/** Runs the job once in a child `node` process on the compiled service; resolves to its report. */
export function runChild(
  options: { dist: string; cpuProfile?: string },
  now: Date,
): Promise<ChildReport> {
  const source = readFileSync(join(__dirname, 'sla-check.child.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const file = join(mkdtempSync(join(tmpdir(), 'sla-check-')), 'sla-check.child.js');
  writeFileSync(file, outputText);
  const env = {
    ...process.env,
    OUTBOX_RELAY_ENABLED: 'false',
    BENCH_DIST: options.dist,
    BENCH_NOW: now.toISOString(),
    ...(options.cpuProfile ? { BENCH_CPU_PROFILE: options.cpuProfile } : {}),
  };
  return new Promise((resolve, reject) => {
    const child = fork(file, [], { env, execArgv: [], stdio: 'inherit' });
    let report: ChildReport | undefined;
    child.on('message', (m) => (report = m as ChildReport));
    child.on('error', reject);
    child.on('exit', (code) =>
      report ? resolve(report) : reject(new Error(`the check's process exited with ${code}`)),
    );
  });
}

/**
 * Undoes a run in `schema`: the marks, the cases' summaries (back to the seeded due time) and
 * warned lists, the events, activity entries, sequences and job runs; then VACUUM, so the next
 * round starts from settled tables again.
 */
export async function resetRun(admin: Client, schema: string): Promise<void> {
  await admin.query(
    `UPDATE ${schema}.sla_instances SET warned_at = NULL, violated_at = NULL
      WHERE warned_at IS NOT NULL OR violated_at IS NOT NULL`,
  );
  await admin.query(
    `UPDATE ${schema}.cases c
        SET sla_status = NULL, sla_due_at = si.breach_at, message_warned_slas = '{}'
       FROM ${schema}.sla_instances si
      WHERE si.case_id = c.id
        AND (c.sla_status IS NOT NULL OR cardinality(c.message_warned_slas) > 0)`,
  );
  for (const table of ['outbox', 'case_activities', 'outbox_sequences', 'job_runs']) {
    await admin.query(`DELETE FROM ${schema}.${table}`);
  }
  await admin.query(
    `VACUUM (ANALYZE) ${['cases', 'sla_instances', 'outbox', 'case_activities', 'outbox_sequences']
      .map((t) => `${schema}.${t}`)
      .join(', ')}`,
  );
}
