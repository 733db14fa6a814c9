export class TemplateResponseDto {
  kind!: string;
  locale!: string;
  subject!: string;
  body!: string;
  /** Set by the tenant; false for a built-in template. */
  custom!: boolean;
  updatedAt!: Date | null;
}
