export class SlaCheckResultDto {
  /** Cases whose due SLAs were examined. */
  checked: number;
  /** SLAs marked warned (each once, ever). */
  warned: number;
  /** SLAs marked violated (each once, ever). */
  violated: number;
  /** Escalation rungs fired (each once, ever), with their notifications and case writes. */
  escalated: number;
  /** Cases whose marking failed; they are retried by the next run. */
  errors: number;
  /** The check ended early: continueOnError was false and a case failed (or the due work could not be read). */
  stopped: boolean;
}
