import { InvalidTagsError } from './case.errors';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;

/** Tags are trimmed, lower-case and unique per case: `Urgent ` and `urgent` are one tag. */
export function normalizeTags(tags: readonly string[]): string[] {
  const normalized = [...new Set(tags.map((t) => t.trim().toLowerCase()))];
  if (normalized.some((t) => t.length === 0)) throw new InvalidTagsError('tags must not be blank');
  if (normalized.some((t) => t.length > MAX_TAG_LENGTH)) {
    throw new InvalidTagsError(`each tag must be at most ${MAX_TAG_LENGTH} characters`);
  }
  if (normalized.length > MAX_TAGS)
    throw new InvalidTagsError(`a case has at most ${MAX_TAGS} tags`);
  return normalized;
}

/** User and group id lists: trimmed, blank-free, first occurrence kept. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id.length > 0))];
}
