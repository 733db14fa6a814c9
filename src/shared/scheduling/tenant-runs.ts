import { Logger } from '@nestjs/common';
import { JobName } from './job-names';
import { JobRuns } from './job-runs';

/**
 * A scheduled job's run over several tenants: one recorded run per tenant (its own settings,
 * its own row in the run log), the tenants one after another. A tenant whose run fails is
 * logged and counted as one error; the others still run. Resolves to the sum of the counts.
 */
export async function runPerTenant<T extends object>(
  runs: JobRuns,
  job: JobName,
  tenants: readonly string[],
  zero: T,
  work: (clientId: string) => Promise<T>,
): Promise<T> {
  const logger = new Logger(job);
  const total = { ...zero } as Record<string, number | boolean>;
  for (const clientId of tenants) {
    try {
      const result = await runs.record({ job, clientId, trigger: 'schedule' }, () =>
        work(clientId),
      );
      for (const [key, value] of Object.entries(result) as [string, number | boolean][]) {
        total[key] =
          typeof value === 'number' ? Number(total[key] ?? 0) + value : total[key] || value;
      }
    } catch (error) {
      logger.error({ err: error, clientId }, 'tenant run failed');
      if (typeof total.errors === 'number') total.errors += 1;
    }
  }
  await runs.prune().catch((error: unknown) => logger.error({ err: error }, 'pruning runs failed'));
  return total as unknown as T;
}
