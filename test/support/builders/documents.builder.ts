import { binaryParser, FilePart, multipart } from '../multipart';
import { TestApp } from '../test-app';

type Headers = Record<string, string>;

/** Posts a hand-built multipart body to `POST /cases/:id/documents`. */
export function uploadDocument(
  t: TestApp,
  headers: Headers,
  caseId: string,
  parts: FilePart[],
  extra: Headers = {},
) {
  const { contentType, body } = multipart(parts);
  return t.http
    .post(`/api/v1/cases/${caseId}/documents`)
    .set(headers)
    .set(extra)
    .set('Content-Type', contentType)
    .send(body);
}

/** Downloads a case document's bytes. */
export function downloadDocument(t: TestApp, headers: Headers, caseId: string, docId: string) {
  return t.http
    .get(`/api/v1/cases/${caseId}/documents/${docId}/content`)
    .set(headers)
    .buffer(true)
    .parse(binaryParser);
}
