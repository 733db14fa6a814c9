export class AutoCloseEligibleDto {
  caseId: string;
  displayId: string;
  caseTypeId: string;
  resolutionDate: Date;
  /** resolutionDate plus the case type's autoCloseHours. */
  eligibleSince: Date;
}
