import { CaseDocumentDto } from '../../cases';
import { CaseDocument } from '../domain/case-document';

export function documentDto(d: CaseDocument): CaseDocumentDto {
  return {
    id: d.id,
    caseId: d.caseId,
    name: d.fileName,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    uploadedBy: d.uploadedBy,
    createdAt: d.createdAt,
    contentUrl: `/api/v1/cases/${d.caseId}/documents/${d.id}/content`,
  };
}
