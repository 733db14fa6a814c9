import { CaseLink } from './case-link';

/** Port of the link store; writes join the caller's transaction with their activity and events. */
export abstract class CaseLinkRepository {
  /** False when the same link is already stored. */
  abstract add(link: CaseLink): Promise<boolean>;
  /** Whether `ancestorId` is `caseId` itself or above it on the parent links. */
  abstract isAncestorOrSelf(clientId: string, ancestorId: string, caseId: string): Promise<boolean>;
  /** Serializes parent-link writes of a tenant, so two concurrent links cannot close a cycle. */
  abstract lockHierarchy(clientId: string): Promise<void>;
  abstract findOn(clientId: string, caseId: string, linkId: string): Promise<CaseLink | null>;
  abstract remove(link: CaseLink, actorId: string, at: Date): Promise<void>;
}
