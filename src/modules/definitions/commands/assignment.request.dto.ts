import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IdList, MAX_ASSIGNEES } from '../../../shared/http/id-list';
import {
  ASSIGNMENT_STRATEGIES,
  AssignmentStrategy,
  MAX_CAPACITY,
} from '../domain/case-type-assignment';

/** Automatic assignment of new and unclaimed cases to an agent of the groups. */
export class AssignmentRequestDto {
  @ApiProperty({
    enum: ASSIGNMENT_STRATEGIES,
    description: '`none` keeps cases with their groups; the others pick an active member.',
  })
  @IsIn(ASSIGNMENT_STRATEGIES)
  strategy: AssignmentStrategy;

  /** Directory groups whose active members are candidates; absent: defaultAssignedToGroups. */
  @IsOptional()
  @IdList(MAX_ASSIGNEES)
  groups?: string[] | null;

  /** Most open cases of this type an agent is given automatically; absent: no limit. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number | null;
}
