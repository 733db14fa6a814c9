/** `at` for `?addMinutes=`, `minutes` for `?to=`. */
export class BusinessTimeResponseDto {
  /** The earliest instant by which `addMinutes` business minutes have passed since `from`. */
  at?: Date;
  /** Business minutes in [from, to), to the millisecond (may have a fraction). */
  minutes?: number;
}
