// The public face of the saved-views module: the only file other modules may import.
export { SavedViewsModule } from './saved-views.module';
