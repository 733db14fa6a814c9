// The public face of the bulk module: the only file other modules may import.
export { BulkModule } from './bulk.module';
