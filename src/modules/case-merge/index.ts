// The public face of the case-merge module: the only file other modules may import.
export { CaseMergeModule } from './case-merge.module';
