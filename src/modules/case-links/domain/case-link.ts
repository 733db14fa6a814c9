import { randomUUID } from 'node:crypto';

/** What the case in the path is to `caseId`: `A parent B` makes A the parent of B. */
export const LINK_TYPES = ['parent', 'child', 'related', 'duplicate-of'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** A link as seen from one of its cases: the other direction of `duplicate-of` included. */
export const LINK_VIEW_TYPES = [...LINK_TYPES, 'duplicated-by'] as const;
export type LinkViewType = (typeof LINK_VIEW_TYPES)[number];

/** How a link is stored: once, `child` as `parent` reversed, `related` with the smaller id first. */
export type LinkKind = 'parent' | 'related' | 'duplicate-of';

export interface CaseLink {
  id: string;
  clientId: string;
  fromCaseId: string;
  toCaseId: string;
  kind: LinkKind;
  createdBy: string;
  createdAt: Date;
}

export function newCaseLink(
  clientId: string,
  caseId: string,
  type: LinkType,
  otherCaseId: string,
  createdBy: string,
  createdAt: Date,
): CaseLink {
  const [fromCaseId, toCaseId, kind]: [string, string, LinkKind] =
    type === 'child'
      ? [otherCaseId, caseId, 'parent']
      : type === 'related' && otherCaseId < caseId
        ? [otherCaseId, caseId, 'related']
        : [caseId, otherCaseId, type];
  return { id: randomUUID(), clientId, fromCaseId, toCaseId, kind, createdBy, createdAt };
}

const REVERSED: Record<LinkKind, LinkViewType> = {
  parent: 'child',
  related: 'related',
  'duplicate-of': 'duplicated-by',
};

/** The link from `caseId`'s side: its type there and the case at the other end. */
export function seenFrom(
  link: Pick<CaseLink, 'fromCaseId' | 'toCaseId' | 'kind'>,
  caseId: string,
): { type: LinkViewType; otherCaseId: string } {
  return link.fromCaseId === caseId
    ? { type: link.kind, otherCaseId: link.toCaseId }
    : { type: REVERSED[link.kind], otherCaseId: link.fromCaseId };
}
