import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JOB_NAMES, JobName, JobTrigger } from '../job-names';

/** One run of a job for the caller's tenant. Counts are those of its job; absent while running. */
export class JobRunResponseDto {
  id: string;

  @ApiProperty({ enum: JOB_NAMES })
  job: JobName;

  /** `schedule`: the built-in scheduler; `api`: a call of the job's REST endpoint. */
  @ApiProperty({ enum: ['schedule', 'api'] })
  trigger: JobTrigger;

  startedAt: Date;

  /** null while the run goes on, or when its process died mid-way. */
  endedAt: Date | null;

  /** Cases examined (checks). */
  @ApiPropertyOptional()
  checked?: number;

  /** SLAs or due dates warned. */
  @ApiPropertyOptional()
  warned?: number;

  /** SLAs violated (sla-check). */
  @ApiPropertyOptional()
  violated?: number;

  /** Escalation rungs fired (sla-check). */
  @ApiPropertyOptional()
  escalated?: number;

  /** Due dates exceeded (due-date-check). */
  @ApiPropertyOptional()
  exceeded?: number;

  /** Auto-close messages queued (auto-close). */
  @ApiPropertyOptional()
  enqueued?: number;

  /** Cases that failed (a run that failed as a whole counts 1). */
  errors: number;

  /** The run ended early (continueOnError false, or the run failed). */
  stopped: boolean;

  /** Why the run failed as a whole; null otherwise. */
  failure: string | null;

  /** The process that ran it: hostname:pid. */
  replica: string;
}
