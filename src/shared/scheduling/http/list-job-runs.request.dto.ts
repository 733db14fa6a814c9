import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/pagination';
import { JOB_NAMES, JobName } from '../job-names';

export class ListJobRunsRequestDto extends PageQueryDto {
  /** Only this job's runs (absent: every job whose permission the caller holds). */
  @ApiPropertyOptional({ enum: JOB_NAMES })
  @IsOptional()
  @IsIn(JOB_NAMES)
  job?: JobName;
}
