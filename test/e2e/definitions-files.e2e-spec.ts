import { createHash, randomBytes } from 'node:crypto';
import {
  createCaseType,
  downloadFile,
  storedFiles,
  uploadFile,
} from '../support/builders/definitions-http.builder';
import { FilePart, multipart } from '../support/multipart';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const KINDS = [
  { path: 'workflows', kind: 'WORKFLOW', upload: 'CASE0800', remove: 'CASE0802' },
  { path: 'decision-trees', kind: 'DECISION_TREE', upload: 'CASE0804', remove: 'CASE0806' },
  {
    path: 'status-decision-trees',
    kind: 'STATUS_DECISION_TREE',
    upload: 'CASE0814',
    remove: 'CASE0816',
  },
] as const;

const MESSAGES: Record<string, string> = {
  CASE0800: 'Workflow uploaded successfully.',
  CASE0802: 'Workflow removed successfully.',
  CASE0804: 'Decision tree upload successfully.',
  CASE0806: 'Decision tree remove successfully.',
  CASE0814: 'Status decision tree upload successfully.',
  CASE0816: 'Status decision tree remove successfully.',
};

describe('Definitions: case-type files (e2e)', () => {
  let t: TestApp;
  const admin = bearer({ tenant: newTenant(), user: 'uploader' });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const upload = (caseTypeId: string, path: string, parts: FilePart[]) =>
    uploadFile(t, admin, caseTypeId, path, parts);
  const download = (caseTypeId: string, fileId: string) =>
    downloadFile(t, admin, caseTypeId, fileId);

  it.each(KINDS)(
    'uploads, lists, downloads byte-exact and removes a $kind',
    async ({ path, kind, upload: uploadCode, remove: removeCode }) => {
      const caseTypeId = await createCaseType(t, admin);
      const content = randomBytes(200_000);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const before = storedFiles(t).length;

      const res = await upload(caseTypeId, path, [
        { filename: 'flow.bpmn', contentType: 'application/xml', content },
      ]);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        code: uploadCode,
        message: MESSAGES[uploadCode],
        data: {
          id: expect.any(String),
          caseTypeId,
          kind,
          name: 'flow.bpmn',
          contentType: 'application/xml',
          size: content.length,
          sha256,
          uploadedBy: 'uploader',
          createdAt: '2026-01-05T09:00:00.000Z',
        },
      });
      const fileId = res.body.data.id as string;
      expect(storedFiles(t)).toHaveLength(before + 1);

      const list = await t.http.get(`/api/v1/case-types/${caseTypeId}/files`).set(admin);
      expect(list.body).toEqual({ data: [res.body.data], page: { limit: 50, nextCursor: null } });

      const got = await download(caseTypeId, fileId);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('application/xml');
      expect(got.headers['content-length']).toBe(String(content.length));
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="flow.bpmn"; filename*=UTF-8''flow.bpmn`,
      );
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(got.body as Buffer, content)).toBe(0);

      const removed = await t.http
        .delete(`/api/v1/case-types/${caseTypeId}/${path}/${fileId}`)
        .set(admin);
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual({
        code: removeCode,
        message: MESSAGES[removeCode],
        data: { id: fileId },
      });
      expect(storedFiles(t)).toHaveLength(before);
      const rows = await t.dataSource.query(`SELECT 1 FROM case_type_files WHERE id = $1`, [
        fileId,
      ]);
      expect(rows).toEqual([]);
      expect((await download(caseTypeId, fileId)).status).toBe(404);
      const again = await t.http
        .delete(`/api/v1/case-types/${caseTypeId}/${path}/${fileId}`)
        .set(admin);
      expect(again.body.code).toBe('CASE4046');
    },
  );

  it('removes a file only through the route of its own kind', async () => {
    const caseTypeId = await createCaseType(t, admin);
    const res = await upload(caseTypeId, 'decision-trees', [
      { filename: 'tree.json', content: '{}' },
    ]);
    const fileId = res.body.data.id as string;
    for (const path of ['workflows', 'status-decision-trees']) {
      const wrong = await t.http
        .delete(`/api/v1/case-types/${caseTypeId}/${path}/${fileId}`)
        .set(admin);
      expect(wrong.status).toBe(404);
      expect(wrong.body.code).toBe('CASE4046');
    }
    expect((await download(caseTypeId, fileId)).status).toBe(200);
  });

  it('reduces the client file name to a safe base name and keeps the content type', async () => {
    const caseTypeId = await createCaseType(t, admin);
    const cases: [string, string][] = [
      ['../../etc/passwd', 'passwd'],
      ['C:\\temp\\..\\rules.dmn', 'rules.dmn'],
      ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
      ['..', 'file'],
      ['Prüfung "final".xml', 'Prüfung _final_.xml'],
      [`${'n'.repeat(300)}.json`, `${'n'.repeat(195)}.json`],
    ];
    const ids: Record<string, string> = {};
    for (const [filename, expected] of cases) {
      const res = await upload(caseTypeId, 'workflows', [
        { filename, contentType: 'text/xml', content: 'x' },
      ]);
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ name: expected, contentType: 'text/xml' });
      ids[expected] = res.body.data.id;
    }
    const got = await download(caseTypeId, ids['Prüfung _final_.xml']);
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Pr_fung _final_.xml"; filename*=UTF-8''Pr%C3%BCfung%20_final_.xml`,
    );
    const noType = await upload(caseTypeId, 'workflows', [{ filename: 'plain', content: 'x' }]);
    expect(noType.body.data.contentType).toBe('text/plain');
  });

  it('answers 415 for a non-multipart body and 400 without a file field', async () => {
    const caseTypeId = await createCaseType(t, admin);
    const before = storedFiles(t).length;
    const json = await t.http
      .post(`/api/v1/case-types/${caseTypeId}/workflows`)
      .set(admin)
      .send({ file: 'not a file' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('CASE4150');
    const empty = await t.http.post(`/api/v1/case-types/${caseTypeId}/workflows`).set(admin);
    expect(empty.status).toBe(415);

    const wrongField = await upload(caseTypeId, 'workflows', [
      { field: 'document', filename: 'a.txt', content: 'abc' },
    ]);
    expect(wrongField.status).toBe(400);
    expect(wrongField.body).toMatchObject({
      code: 'CASE4000',
      details: [{ field: 'file', message: 'file is required' }],
    });
    const textOnly = await upload(caseTypeId, 'workflows', [{ content: 'just a field' }]);
    expect(textOnly.status).toBe(400);
    const noBoundary = await t.http
      .post(`/api/v1/case-types/${caseTypeId}/workflows`)
      .set(admin)
      .set('Content-Type', 'multipart/form-data')
      .send(Buffer.from('garbage'));
    expect(noBoundary.status).toBe(400);
    const truncated = multipart([{ filename: 'a.txt', content: 'abcdef' }]);
    const cut = await t.http
      .post(`/api/v1/case-types/${caseTypeId}/workflows`)
      .set(admin)
      .set('Content-Type', truncated.contentType)
      .send(truncated.body.subarray(0, truncated.body.length - 20));
    expect(cut.status).toBe(400);
    expect(storedFiles(t)).toHaveLength(before);
    const list = await t.http.get(`/api/v1/case-types/${caseTypeId}/files`).set(admin);
    expect(list.body.data).toEqual([]);
  });
});
