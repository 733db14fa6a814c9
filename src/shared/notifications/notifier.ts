import { NewNotification } from './notification';

/** The notification port: what the case commands and the SLA/due-date checks call. */
export abstract class Notifier {
  /**
   * Records the notifications in the caller's transaction (it throws outside one); they are
   * delivered after that transaction commits, and never if it rolls back.
   */
  abstract record(notifications: NewNotification[]): Promise<void>;
}
