import { SUCCESS_MESSAGES, SuccessCode } from './success-codes';

export interface WriteEnvelope<T> {
  code: SuccessCode;
  message: string;
  data: T;
}

export interface ReadEnvelope<T> {
  data: T;
}

export interface PageInfo {
  limit: number;
  nextCursor: string | null;
}

export interface ListEnvelope<T> {
  data: T[];
  page: PageInfo;
}

export function written<T>(code: SuccessCode, data: T): WriteEnvelope<T> {
  return { code, message: SUCCESS_MESSAGES[code], data };
}

export function read<T>(data: T): ReadEnvelope<T> {
  return { data };
}
