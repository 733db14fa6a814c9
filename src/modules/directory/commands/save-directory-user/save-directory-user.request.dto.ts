import {
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { IdList } from '../../../../shared/http/id-list';
import { Omittable } from '../../../../shared/http/omittable';
import { LOCALE_PATTERN } from '../../../../shared/directory/locale';

export const MAX_USER_GROUPS = 100;

/** Absent fields keep their value; `null` clears e-mail, name, locale or time zone. */
export class SaveDirectoryUserRequestDto {
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string | null;

  /** Language tag, e.g. `de` or `de-CH`. */
  @IsOptional()
  @IsString()
  @Matches(LOCALE_PATTERN, { message: 'locale must be a language tag like en or de-CH' })
  locale?: string | null;

  /** IANA time zone, e.g. `Europe/Berlin`. */
  @IsOptional()
  @IsTimeZone()
  timeZone?: string | null;

  @Omittable()
  @IdList(MAX_USER_GROUPS)
  groups?: string[];

  @Omittable()
  @IsBoolean()
  active?: boolean;
}
