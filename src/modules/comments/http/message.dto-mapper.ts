import { CaseMessage } from '../domain/case-collaboration';
import { CaseMessageResponseDto } from './case-message.response.dto';

export function messageDto(caseId: string, m: CaseMessage): CaseMessageResponseDto {
  const { id, direction, from, to, subject, body, createdAt, createdBy } = m;
  return { id, caseId, direction, from, to, subject, body, createdAt, createdBy };
}
