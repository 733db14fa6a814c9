// The public face of the case-links module: the only file other modules may import.
export { CaseLinksModule } from './case-links.module';
export { CaseLinker } from './case-linker';
