// The public face of the assignment module: the only file other modules may import.
export { AssignmentModule } from './assignment.module';
