import { CaseState } from '../../../shared/domain/case-state';

export class MilestoneResponseDto {
  name: string;
  percent: number;
  onState: CaseState;
}
