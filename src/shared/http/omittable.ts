import { ValidateIf } from 'class-validator';

/**
 * Optional but not nullable: an absent field is left as it is, while `null` still runs the
 * field's validators and is refused (unlike @IsOptional, which lets null through to the database).
 */
export const Omittable = () =>
  ValidateIf((_object: unknown, value: unknown) => value !== undefined);
