export class ReadAllResponseDto {
  /** How many notifications were unread. */
  updated!: number;
}
