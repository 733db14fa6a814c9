export class AutoCloseEnqueuedDto {
  /** Messages handed to the queue, one per eligible case (one still waiting is not queued twice). */
  enqueued: number;
}
