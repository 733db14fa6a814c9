// The public face of the sla module: the only file other modules may import.
export { SlaModule } from './sla.module';
export { SlaTracker } from './sla-tracker';
export type { CaseClockChange, CaseClockStart } from './sla-tracker';
