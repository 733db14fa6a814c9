export class ProcessResponseDto {
  id: string;
  solutionId: string;
  solutionName: string;
  name: string;
  /** Unique per tenant among live processes (case-insensitive). */
  code: string;
  description: string | null;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
