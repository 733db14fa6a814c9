import { ApiProperty } from '@nestjs/swagger';

export class CaseSlaEscalationDto {
  atPercent: number;
  /** When the rung fired; null: not yet. */
  firedAt: Date | null;
}

/** One SLA instance of a case; minutes are business minutes on its calendar, up to now. */
export class CaseSlaResponseDto {
  id: string;
  name: string;
  @ApiProperty({ enum: ['resolution', 'firstResponse'], example: 'resolution' })
  metric: 'resolution' | 'firstResponse';
  /** null (or a calendar since deleted): around the clock. */
  calendarId: string | null;
  startedAt: Date;
  targetMinutes: number;
  warnAt: Date;
  /** The breach instant (precomputed while the clock runs). */
  dueAt: Date;
  /** breached if violated, else met, else stopped (stopped or re-selected), else paused, else running. */
  @ApiProperty({ enum: ['running', 'paused', 'met', 'breached', 'stopped'], example: 'running' })
  status: 'running' | 'paused' | 'met' | 'breached' | 'stopped';
  elapsedMinutes: number;
  /** What is left of the target, never below 0. */
  remainingMinutes: number;
  /** Business minutes spent in the SLA's pause states. */
  pausedMinutes: number;
  warnedAt: Date | null;
  violatedAt: Date | null;
  metAt: Date | null;
  escalations: CaseSlaEscalationDto[];
}
