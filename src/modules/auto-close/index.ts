// The public face of the auto-close module: the only file other modules may import.
export { AutoCloseModule } from './auto-close.module';
