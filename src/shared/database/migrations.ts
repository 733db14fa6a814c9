import { Foundation1764300000000 } from './migrations/1764300000000-foundation';
import { Cases1764400000000 } from './migrations/1764400000000-cases';
import { CaseListIndexes1764500000000 } from './migrations/1764500000000-case-list-indexes';
import { CaseActivityOrder1764520000000 } from './migrations/1764520000000-case-activity-order';
import { Notifications1764600000000 } from './migrations/1764600000000-notifications';
import { Queue1764700000000 } from './migrations/1764700000000-queue';
import { Collaboration1764800000000 } from './migrations/1764800000000-collaboration';
import { SlaClock1764900000000 } from './migrations/1764900000000-sla-clock';
import { OutboxRelay1765400000000 } from './migrations/1765400000000-outbox-relay';
import { Calendars1765500000000 } from './migrations/1765500000000-calendars';
import { DirectoryAndInbox1765600000000 } from './migrations/1765600000000-directory-and-inbox';
import { WebhooksAndFeed1765700000000 } from './migrations/1765700000000-webhooks-and-feed';
import { CaseWork1765850000000 } from './migrations/1765850000000-case-work';
import { SlaBusinessTime1765900000000 } from './migrations/1765900000000-sla-business-time';
import { CaseTypeCalendar1765910000000 } from './migrations/1765910000000-case-type-calendar';
import { JobRunsAndSettings1765920000000 } from './migrations/1765920000000-job-runs-and-settings';
import { SlaLists1765930000000 } from './migrations/1765930000000-sla-lists';
import { CaseFields1765940000000 } from './migrations/1765940000000-case-fields';
import { CommentVisibility1765950000000 } from './migrations/1765950000000-comment-visibility';
import { CaseMerge1765960000000 } from './migrations/1765960000000-case-merge';
import { CaseTypeAssignment1765970000000 } from './migrations/1765970000000-case-type-assignment';
import { OutboxTaps1765980000000 } from './migrations/1765980000000-outbox-taps';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS = [
  Foundation1764300000000,
  Cases1764400000000,
  CaseListIndexes1764500000000,
  CaseActivityOrder1764520000000,
  Notifications1764600000000,
  Queue1764700000000,
  Collaboration1764800000000,
  SlaClock1764900000000,
  OutboxRelay1765400000000,
  Calendars1765500000000,
  DirectoryAndInbox1765600000000,
  WebhooksAndFeed1765700000000,
  CaseWork1765850000000,
  SlaBusinessTime1765900000000,
  CaseTypeCalendar1765910000000,
  JobRunsAndSettings1765920000000,
  SlaLists1765930000000,
  CaseFields1765940000000,
  CommentVisibility1765950000000,
  CaseMerge1765960000000,
  CaseTypeAssignment1765970000000,
  OutboxTaps1765980000000,
];
