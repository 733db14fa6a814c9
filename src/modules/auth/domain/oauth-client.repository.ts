import { CursorValues } from '../../../shared/http/pagination';
import { OAuthClient } from './oauth-client';

export abstract class OAuthClientRepository {
  abstract insert(client: Omit<OAuthClient, 'id' | 'revokedAt'>): Promise<OAuthClient>;
  /** Any tenant: the token endpoint knows only the OAuth client id. */
  abstract findActiveById(id: string): Promise<OAuthClient | null>;
  abstract isActive(clientId: string, id: string): Promise<boolean>;
  abstract list(clientId: string, limit: number, after?: CursorValues): Promise<OAuthClient[]>;
  /** Returns false when no active client of that tenant has the id. */
  abstract revoke(clientId: string, id: string, at: Date): Promise<boolean>;
}
