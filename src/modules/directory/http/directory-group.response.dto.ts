export class DirectoryGroupResponseDto {
  name!: string;
  /** How many active users are in the group. */
  members!: number;
}
