// The public face of the activity module: the only file other modules may import.
export { ActivityModule } from './activity.module';
export { ActivityLog } from './activity-log';
export type { ActivityEntry } from './activity-log';
export { ActivityRecord } from './activity-log';
