import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';

/** How many users or groups one case (or a case type's default) may be assigned to. */
export const MAX_ASSIGNEES = 50;

/** A list of user or group ids: strings of 1–200 characters, at most `max` of them. */
export const IdList = (max: number) =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    Length(1, 200, { each: true }),
  );
