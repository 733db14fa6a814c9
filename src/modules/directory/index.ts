// The public face of the directory module: the only file other modules may import. The
// Directory port itself is in the kernel (src/shared/directory); this module is its SQL adapter.
export { DirectoryModule } from './directory.module';
