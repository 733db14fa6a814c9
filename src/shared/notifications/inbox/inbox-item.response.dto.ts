export class InboxItemResponseDto {
  id!: string;
  /** The notification kind, e.g. `case.commented` or `sla.warning`. */
  kind!: string;
  caseId!: string | null;
  displayId!: string | null;
  /** What the notification tells (the template variables of its kind). */
  payload!: Record<string, unknown>;
  read!: boolean;
  readAt!: Date | null;
  createdAt!: Date;
}
