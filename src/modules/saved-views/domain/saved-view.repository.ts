import { SavedView } from './saved-view';

export abstract class SavedViewRepository {
  abstract insert(view: SavedView): Promise<void>;
  abstract findById(clientId: string, id: string): Promise<SavedView | null>;
  abstract delete(clientId: string, id: string): Promise<void>;
}
