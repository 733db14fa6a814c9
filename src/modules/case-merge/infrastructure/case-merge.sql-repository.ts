import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseState } from '../../../shared/domain/case-state';
import { CaseLinker } from '../../case-links';
import { ReachedMilestone } from '../../cases';
import { CaseCommentMover } from '../../comments';
import { CaseDocumentMover } from '../../documents';
import { CaseMerge, MovedContent } from '../domain/case-merge';
import { CaseMergeRepository } from '../domain/case-merge.repository';

interface MergeRow {
  id: string;
  client_id: string;
  source_case_id: string;
  target_case_id: string;
  source_state: CaseState;
  source_milestones: ReachedMilestone[];
  source_completed_percent: number;
  source_tags: string[];
  source_watchers: string[];
  added_tags: string[];
  added_watchers: string[];
  comment_ids: string[];
  document_ids: string[];
  link_id: string | null;
  merged_by: string;
  merged_at: Date;
  undone_at: Date | null;
}

function toMerge(r: MergeRow): CaseMerge {
  return {
    id: r.id,
    clientId: r.client_id,
    sourceCaseId: r.source_case_id,
    targetCaseId: r.target_case_id,
    before: {
      state: r.source_state,
      milestones: r.source_milestones,
      completedPercent: Number(r.source_completed_percent),
      tags: r.source_tags,
      watchers: r.source_watchers,
    },
    addedTags: r.added_tags,
    addedWatchers: r.added_watchers,
    commentIds: r.comment_ids,
    documentIds: r.document_ids,
    linkId: r.link_id,
    mergedBy: r.merged_by,
    mergedAt: r.merged_at,
    undoneAt: r.undone_at,
  };
}

@Injectable()
export class CaseMergeSqlRepository extends CaseMergeRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly comments: CaseCommentMover,
    private readonly documents: CaseDocumentMover,
    private readonly linker: CaseLinker,
  ) {
    super();
  }

  async moveContent(
    clientId: string,
    fromCaseId: string,
    toCaseId: string,
    only?: MovedContent,
  ): Promise<MovedContent> {
    return {
      commentIds: await this.comments.move(clientId, fromCaseId, toCaseId, only?.commentIds),
      documentIds: await this.documents.move(clientId, fromCaseId, toCaseId, only?.documentIds),
    };
  }

  link(
    {
      clientId,
      sourceCaseId,
      targetCaseId,
    }: Pick<CaseMerge, 'clientId' | 'sourceCaseId' | 'targetCaseId'>,
    actorId: string,
    at: Date,
  ): Promise<string | null> {
    return this.linker.link(clientId, sourceCaseId, 'duplicate-of', targetCaseId, actorId, at);
  }

  async unlink(merge: CaseMerge, actorId: string, at: Date): Promise<void> {
    if (!merge.linkId) return;
    await this.linker.unlink(merge.clientId, merge.sourceCaseId, merge.linkId, actorId, at);
  }

  async add(m: CaseMerge): Promise<void> {
    const { before: b } = m;
    await this.tx.query(
      `INSERT INTO case_merges (id, client_id, source_case_id, target_case_id, source_state,
         source_milestones, source_completed_percent, source_tags, source_watchers, added_tags,
         added_watchers, comment_ids, document_ids, link_id, merged_by, merged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        m.id,
        m.clientId,
        m.sourceCaseId,
        m.targetCaseId,
        b.state,
        JSON.stringify(b.milestones),
        b.completedPercent,
        b.tags,
        b.watchers,
        m.addedTags,
        m.addedWatchers,
        m.commentIds,
        m.documentIds,
        m.linkId,
        m.mergedBy,
        m.mergedAt,
      ],
    );
  }

  async latestOf(clientId: string, sourceCaseId: string): Promise<CaseMerge | null> {
    const [row] = await this.tx.query<MergeRow>(
      `SELECT * FROM case_merges WHERE client_id = $1 AND source_case_id = $2
        ORDER BY undone_at IS NULL DESC, merged_at DESC, id DESC LIMIT 1`,
      [clientId, sourceCaseId],
    );
    return row ? toMerge(row) : null;
  }

  async markUndone(merge: CaseMerge, actorId: string, at: Date): Promise<void> {
    await this.tx.query(
      `UPDATE case_merges SET undone_by = $3, undone_at = $4 WHERE client_id = $1 AND id = $2`,
      [merge.clientId, merge.id, actorId, at],
    );
  }
}
