import { IsString, Length } from 'class-validator';

export class SaveTemplateRequestDto {
  /** Handlebars, e.g. `[{{case.displayId}}] New comment`; one line once rendered. */
  @IsString()
  @Length(1, 500)
  subject!: string;

  /** Handlebars; values are HTML-escaped unless written `{{{triple}}}`. */
  @IsString()
  @Length(1, 20_000)
  body!: string;
}
