import { ApiProperty } from '@nestjs/swagger';
import { ASSIGNMENT_STRATEGIES, AssignmentStrategy } from '../domain/case-type-assignment';

export class AssignmentResponseDto {
  @ApiProperty({ enum: ASSIGNMENT_STRATEGIES })
  strategy: AssignmentStrategy;
  /** Null: the type's defaultAssignedToGroups. */
  groups: string[] | null;
  /** Null: no limit. */
  capacity: number | null;
}
