import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '../../../shared/domain/aggregate-root';
import { DefinitionChangedEvent } from './definition-changed.event';
import { CaseTypeFileNotFoundError } from './definition.errors';

export enum CaseTypeFileKind {
  WORKFLOW = 'WORKFLOW',
  DECISION_TREE = 'DECISION_TREE',
  STATUS_DECISION_TREE = 'STATUS_DECISION_TREE',
}

export interface StoredFile {
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface CaseTypeFileProps {
  id: string;
  clientId: string;
  caseTypeId: string;
  kind: CaseTypeFileKind;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  createdAt: Date;
}

/** A workflow document or (status) decision tree attached to a case type. */
export class CaseTypeFile extends AggregateRoot {
  private constructor(private readonly props: CaseTypeFileProps) {
    super();
  }

  static upload(
    clientId: string,
    caseTypeId: string,
    kind: CaseTypeFileKind,
    stored: StoredFile,
    actorId: string,
    now: Date,
  ): CaseTypeFile {
    const file = new CaseTypeFile({
      id: randomUUID(),
      clientId,
      caseTypeId,
      kind,
      fileName: stored.fileName,
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      uploadedBy: actorId,
      createdAt: now,
    });
    file.changed('case-type.file-uploaded', actorId, now);
    return file;
  }

  static restore(props: CaseTypeFileProps): CaseTypeFile {
    return new CaseTypeFile({ ...props });
  }

  get snapshot(): Readonly<CaseTypeFileProps> {
    return this.props;
  }

  /** A file is removed through the route of its own kind only. */
  remove(kind: CaseTypeFileKind, actorId: string, now: Date): void {
    if (kind !== this.props.kind) throw new CaseTypeFileNotFoundError();
    this.changed('case-type.file-removed', actorId, now);
  }

  private changed(type: string, actorId: string, now: Date): void {
    const { clientId, caseTypeId, id, kind, fileName } = this.props;
    this.record(
      new DefinitionChangedEvent(clientId, caseTypeId, now, type, actorId, {
        fileId: id,
        kind,
        fileName,
      }),
    );
  }
}
