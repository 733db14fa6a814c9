export class DueDateCheckResultDto {
  /** Cases whose due dates were examined. */
  checked: number;
  /** Cases marked markedDueDateWarning. */
  warned: number;
  /** Cases marked markedDueDateExceeded. */
  exceeded: number;
  /** Cases whose marking failed; they are retried by the next run. */
  errors: number;
  /** The check ended early: continueOnError was false and a case failed (or the due work could not be read). */
  stopped: boolean;
}
