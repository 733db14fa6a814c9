export class SolutionResponseDto {
  id: string;
  name: string;
  /** Unique per tenant among live solutions (case-insensitive). */
  code: string;
  description: string | null;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
