import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Permission } from '../../../../shared/auth/permission.enum';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { caseRefCondition } from '../../../../shared/domain/case-ref';
import { CaseNotFoundError } from '../../domain/case.errors';
import { seesAsAgent, visibleOr404 } from '../../domain/case-visibility';
import { CaseCommentDto, CaseDocumentDto, CaseResponseDto } from '../../http/case.response.dto';
import { CASE_COMMENT_COLUMNS, CASE_DOCUMENT_COLUMNS } from '../case-children.sql';
import { CASE_LINKS_JSON, CaseLinkRow, visibleLinks } from '../case-links.sql';
import { CASE_COLUMNS, CASE_FROM } from '../case.sql';
import { GetCaseQuery } from './get-case.query';

/** The rows of `projection` (a SELECT list over `alias`) as one JSON array, oldest first. */
const jsonRows = (projection: string, table: string, alias: string) =>
  `(SELECT coalesce(json_agg(x ORDER BY x."createdAt", x.id), '[]')
      FROM (SELECT ${projection} FROM ${table} ${alias}
             WHERE ${alias}.client_id = c.client_id AND ${alias}.case_id = c.id) x)`;

/** JSON carries timestamps as text; the answer carries them as Date, like a column read. */
type Json<T> = Omit<T, 'createdAt'> & { createdAt: string };
const withDates = <T>(rows: Json<T>[]) =>
  rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }) as T);

/**
 * The read's text: one of eight (id or display id, with comments or not, with documents or not),
 * each built once. Prepared (the hottest read); the same string every time, so naming the
 * statement neither copies nor hashes its 3.5 KB again.
 */
const caseSqls = new Map<string, string>();
function caseSql(column: 'id' | 'display_id', withComments: boolean, withDocuments: boolean) {
  const key = `${column}${withComments ? '+c' : ''}${withDocuments ? '+d' : ''}`;
  let sql = caseSqls.get(key);
  if (sql) return sql;
  const comments = withComments ? jsonRows(CASE_COMMENT_COLUMNS, 'case_comments', 'cc') : 'NULL';
  const documents = withDocuments ? jsonRows(CASE_DOCUMENT_COLUMNS, 'case_documents', 'd') : 'NULL';
  sql = `SELECT ${CASE_COLUMNS}, ${comments} AS _comments, ${documents} AS _documents,
                ${CASE_LINKS_JSON} AS _links
           FROM ${CASE_FROM} WHERE c.client_id = $1 AND c.${column} = $2`;
  caseSqls.set(key, sql);
  return sql;
}

type Row = CaseResponseDto & {
  _comments?: Json<CaseCommentDto>[] | null;
  _documents?: Json<CaseDocumentDto>[] | null;
  _links?: CaseLinkRow[];
};

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(private readonly tx: TransactionManager) {}

  /**
   * One round trip: the case with its comments, documents and links as JSON arrays (each only
   * when the actor may read them), filtered here by the same rules as the separate reads were.
   */
  async execute({ actor, caseRef, afterOwnWrite }: GetCaseQuery): Promise<CaseResponseDto> {
    const { column, value } = caseRefCondition(caseRef);
    const sql = caseSql(
      column,
      actor.has(Permission.CASE_COMMENT_VIEW),
      actor.has(Permission.CASE_DOC_VIEW),
    );
    const [found] = await this.tx.queryPrepared<Row>(sql, [actor.clientId, value]);
    // A write answers the case it changed even if the change hid it from the writer.
    const row = afterOwnWrite ? found : visibleOr404(actor, found);
    if (!row) throw new CaseNotFoundError();
    const { _comments, _documents, _links = [] } = row;
    // The row becomes the answer. Its JSON columns are left undefined rather than taken out, so
    // they are not serialized and the 55-column row is not copied (twice, with the spreads this
    // replaced: 8 KB of every write's answer).
    row._comments = row._documents = row._links = undefined;
    // Comments and documents have their own view permissions; the case view does not bypass them.
    // Whoever sees the case only as its initiator (or, after a write, no longer at all) reads
    // public comments only.
    const publicOnly = !seesAsAgent(actor, row);
    const shown = _comments?.filter((c) => !publicOnly || c.visibility === 'public');
    const view: CaseResponseDto = row;
    if (shown) view.comments = withDates<CaseCommentDto>(shown);
    if (_documents) view.documents = withDates<CaseDocumentDto>(_documents);
    view.links = visibleLinks(actor, _links);
    return view;
  }
}
