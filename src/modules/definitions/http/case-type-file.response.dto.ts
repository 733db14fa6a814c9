import { CaseTypeFileKind } from '../domain/case-type-file';

export class CaseTypeFileResponseDto {
  id: string;
  caseTypeId: string;
  kind: CaseTypeFileKind;
  /** The uploaded file name, reduced to a safe base name. */
  name: string;
  contentType: string;
  /** Bytes. */
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
}
