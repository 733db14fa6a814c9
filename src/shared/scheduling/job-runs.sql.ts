import { TransactionManager } from '../database/transaction-manager';
import { ListEnvelope } from '../http/envelope';
import { decodeCursor, toPage } from '../http/pagination';
import { JobRunResponseDto } from './http/job-run.response.dto';
import { JobName } from './job-names';

interface RunRow {
  id: string;
  job: JobName;
  trigger: 'schedule' | 'api';
  replica: string;
  started_at: Date;
  ended_at: Date | null;
  counts: Record<string, number>;
  errors: number;
  stopped: boolean;
  failure: string | null;
  seq: string;
}

/** The tenant's runs of `jobs`, newest first, keyset-paged on (started_at, seq). */
export async function listJobRuns(
  tx: TransactionManager,
  q: { clientId: string; jobs: JobName[]; limit: number; cursor?: string },
): Promise<ListEnvelope<JobRunResponseDto>> {
  const after = decodeCursor(q.cursor, ['timestamp', 'number']) ?? [null, null];
  const rows = await tx.query<RunRow>(
    `SELECT id, seq::text, job, trigger, replica, started_at, ended_at, counts, errors, stopped,
            failure
       FROM job_runs
      WHERE client_id = $1 AND job = ANY($2::text[])
        AND ($4::timestamptz IS NULL OR (started_at, seq) < ($4::timestamptz, $5::bigint))
      ORDER BY started_at DESC, seq DESC
      LIMIT $3`,
    [q.clientId, q.jobs, q.limit + 1, ...after],
  );
  // started_at comes from the application clock: millisecond precision, exact in an ISO cursor.
  const page = toPage(rows, q.limit, (r) => [r.started_at.toISOString(), Number(r.seq)]);
  return { ...page, data: page.data.map(runOf) };
}

function runOf(r: RunRow): JobRunResponseDto {
  return {
    id: r.id,
    job: r.job,
    trigger: r.trigger,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    ...r.counts,
    errors: r.errors,
    stopped: r.stopped,
    failure: r.failure,
    replica: r.replica,
  };
}
