/** A person as the tenant's directory knows them; `id` is the JWT `sub`. */
export interface DirectoryUser {
  id: string;
  email: string | null;
  name: string | null;
  locale: string | null;
  timeZone: string | null;
  groups: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields an upsert sets; absent ones keep their value (or the default on creation). */
export type DirectoryUserChanges = Partial<
  Pick<DirectoryUser, 'email' | 'name' | 'locale' | 'timeZone' | 'groups' | 'active'>
>;

export interface DirectoryPage<T> {
  items: T[];
  /** The key to continue after, when there may be more. */
  next: string | null;
}

export interface DirectoryGroup {
  name: string;
  /** Active members. */
  members: number;
}

export interface UserFilter {
  group?: string;
  q?: string;
}

/**
 * The directory port (and DI token): users and groups per tenant. The SQL adapter keeps them
 * in the database; an LDAP or SCIM adapter can take its place.
 */
export abstract class Directory {
  abstract findUser(clientId: string, userId: string): Promise<DirectoryUser | null>;

  /** The groups of an active user, [] for an inactive or unknown one: one indexed lookup. */
  abstract groupsOf(clientId: string, userId: string): Promise<string[]>;

  /** The users of these ids the directory knows (active or not). */
  abstract findUsers(clientId: string, userIds: readonly string[]): Promise<DirectoryUser[]>;

  /** The active members of any of these groups, each once. */
  abstract activeMembers(clientId: string, groups: readonly string[]): Promise<DirectoryUser[]>;

  abstract listUsers(
    clientId: string,
    filter: UserFilter,
    limit: number,
    after?: string,
  ): Promise<DirectoryPage<DirectoryUser>>;

  abstract listGroups(
    clientId: string,
    limit: number,
    after?: string,
  ): Promise<DirectoryPage<DirectoryGroup>>;

  /** Creates or updates the user; answers it as saved. */
  abstract saveUser(
    clientId: string,
    userId: string,
    changes: DirectoryUserChanges,
    now: Date,
  ): Promise<DirectoryUser>;

  /** Whether there was such a user. */
  abstract removeUser(clientId: string, userId: string): Promise<boolean>;
}
