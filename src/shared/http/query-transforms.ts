import { TransformFnParams } from 'class-transformer';

/** Query strings carry text: 'true'/'false' become booleans, anything else stays to fail validation. */
export function toBoolean({ value }: TransformFnParams): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** A repeatable query parameter (`?state=A&state=B` or `?state=A,B`) as an array. */
export function toArray({ value }: TransformFnParams): unknown {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).filter((v) => v !== '');
}
