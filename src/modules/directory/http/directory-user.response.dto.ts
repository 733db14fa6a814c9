export class DirectoryUserResponseDto {
  /** The user's id, as in their tokens' `sub`. */
  id!: string;
  email!: string | null;
  name!: string | null;
  /** Language tag for the user's e-mails (English when unset or not available). */
  locale!: string | null;
  /** IANA time zone the user's e-mails show times in (UTC when unset). */
  timeZone!: string | null;
  groups!: string[];
  active!: boolean;
  createdAt!: Date;
  updatedAt!: Date;
}
