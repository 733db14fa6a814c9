import { Injectable } from '@nestjs/common';
import { LinkType, newCaseLink } from './domain/case-link';
import { CaseLinkRepository } from './domain/case-link.repository';

/**
 * Links written by another module's command in its own transaction (case merges), with the same
 * activity entries and events on both cases as the link routes. The caller has checked that both
 * cases are visible; `parent` links are not offered (they would need the cycle check).
 */
@Injectable()
export class CaseLinker {
  constructor(private readonly links: CaseLinkRepository) {}

  /** Links `caseId` as `type` of `otherCaseId`: the new link's id, null when it already exists. */
  async link(
    clientId: string,
    caseId: string,
    type: Exclude<LinkType, 'parent' | 'child'>,
    otherCaseId: string,
    actorId: string,
    at: Date,
  ): Promise<string | null> {
    const link = newCaseLink(clientId, caseId, type, otherCaseId, actorId, at);
    return (await this.links.add(link)) ? link.id : null;
  }

  /** Removes a link of `caseId`; false when it is gone already. */
  async unlink(
    clientId: string,
    caseId: string,
    linkId: string,
    actorId: string,
    at: Date,
  ): Promise<boolean> {
    const link = await this.links.findOn(clientId, caseId, linkId);
    if (!link) return false;
    await this.links.remove(link, actorId, at);
    return true;
  }
}
