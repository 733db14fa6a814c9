// The public face of the reports module: the only file other modules may import.
export { ReportsModule } from './reports.module';
