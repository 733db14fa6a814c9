export class PriorityResponseDto {
  id: string;
  name: string;
  code: string;
  /** Lower is more urgent. */
  level: number;
  color: string | null;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
