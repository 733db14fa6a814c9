import { Permission } from './permission.enum';

export type ActorKind = 'user' | 'client' | 'system';

/** Who is acting: the authenticated caller, or the system for jobs and consumers. */
export class Actor {
  constructor(
    readonly clientId: string,
    readonly userId: string,
    readonly permissions: ReadonlySet<string>,
    readonly groups: readonly string[] = [],
    readonly kind: ActorKind = 'user',
    readonly name?: string,
  ) {}

  static system(clientId: string): Actor {
    return new Actor(clientId, 'system', new Set([Permission.CASE_ALL]), [], 'system', 'System');
  }

  has(permission: Permission): boolean {
    return this.permissions.has(Permission.CASE_ALL) || this.permissions.has(permission);
  }

  hasAny(permissions: readonly Permission[]): boolean {
    return permissions.some((p) => this.has(p));
  }

  get isAdmin(): boolean {
    return this.permissions.has(Permission.CASE_ALL);
  }
}
