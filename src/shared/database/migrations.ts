import { Foundation1764300000000 } from './migrations/1764300000000-foundation';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS = [Foundation1764300000000];
