import { createHash, randomBytes } from 'node:crypto';
import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { downloadDocument, uploadDocument } from '../support/builders/documents.builder';
import { caseTrail } from '../support/case-trail';
import { storedFiles } from '../support/builders/definitions-http.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const { CASE_DOC_UPLOAD, CASE_DOC_VIEW, CASE_DOC_REMOVE, CASE_VIEW, CASE_VIEW_ASSIGNED } =
  Permission;

describe('Documents: upload, list, download, remove (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant, user: 'uploader' });

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
  });
  afterAll(() => t.close());

  const newCase = (body: Record<string, unknown> = {}) =>
    createCase(t, tenant, { caseTypeId: type.id, ...body });
  const documentRows = (caseId: string) =>
    t.dataSource.query(
      `SELECT file_name, size_bytes::int AS size, sha256, uploaded_by FROM case_documents
        WHERE client_id = $1 AND case_id = $2 ORDER BY created_at, id`,
      [tenant, caseId],
    );

  it('uploads (201 CASE0510), lists, downloads byte-exact and removes (CASE0500)', async () => {
    const { id, displayId } = await newCase();
    const content = randomBytes(300_000);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const before = storedFiles(t).length;

    const res = await uploadDocument(t, admin, displayId, [
      { filename: 'photo.png', contentType: 'image/png', content },
    ]);
    expect(res.status).toBe(201);
    const docId = res.body.data.id as string;
    expect(res.body).toEqual({
      code: 'CASE0510',
      message: 'Document upload saved successfully.',
      data: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        caseId: id,
        name: 'photo.png',
        contentType: 'image/png',
        size: content.length,
        sha256,
        uploadedBy: 'uploader',
        createdAt: TEST_START.toISOString(),
        contentUrl: `/api/v1/cases/${id}/documents/${docId}/content`,
      },
    });
    expect(storedFiles(t)).toHaveLength(before + 1);
    expect(await documentRows(id)).toEqual([
      { file_name: 'photo.png', size: content.length, sha256, uploaded_by: 'uploader' },
    ]);
    const trail = await caseTrail(t.dataSource, tenant, id);
    expect(trail.row?.version).toBe(2);
    expect(trail.activities.at(-1)).toEqual({
      type: 'case.document-uploaded',
      actor_id: 'uploader',
      on_behalf_of: null,
      data: {
        documentId: docId,
        fileName: 'photo.png',
        contentType: 'image/png',
        size: content.length,
        sha256,
      },
    });
    expect(trail.outbox).toContain('case.document-uploaded');

    const list = await t.http.get(`/api/v1/cases/${id}/documents`).set(admin);
    expect(list.body).toEqual({ data: [res.body.data], page: { limit: 50, nextCursor: null } });
    const view = await t.http.get(`/api/v1/cases/${displayId}`).set(admin);
    expect(view.body.data.documents).toEqual([res.body.data]);

    const got = await downloadDocument(t, admin, displayId, docId);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-length']).toBe(String(content.length));
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="photo.png"; filename*=UTF-8''photo.png`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(got.body as Buffer, content)).toBe(0);

    const removed = await t.http.delete(`/api/v1/cases/${id}/documents/${docId}`).set(admin);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({
      code: 'CASE0500',
      message: 'Document removed successfully.',
      data: { id: docId },
    });
    expect(storedFiles(t)).toHaveLength(before);
    expect(await documentRows(id)).toEqual([]);
    const after = await caseTrail(t.dataSource, tenant, id);
    expect(after.activities.at(-1)).toMatchObject({
      type: 'case.document-removed',
      data: { documentId: docId, fileName: 'photo.png' },
    });
    expect((await downloadDocument(t, admin, id, docId)).status).toBe(404);
    const again = await t.http.delete(`/api/v1/cases/${id}/documents/${docId}`).set(admin);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('CASE4048');
  });

  it('reduces the client file name to a safe base name', async () => {
    const { id } = await newCase();
    const cases: [string, string][] = [
      ['../../etc/passwd', 'passwd'],
      ['C:\\Users\\x\\..\\report.pdf', 'report.pdf'],
      ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
      ['..', 'file'],
      ['Prüfung "final".pdf', 'Prüfung _final_.pdf'],
    ];
    for (const [filename, expected] of cases) {
      const res = await uploadDocument(t, admin, id, [
        { filename, contentType: 'application/pdf', content: 'x' },
      ]);
      expect({ filename, status: res.status, name: res.body.data?.name }).toEqual({
        filename,
        status: 201,
        name: expected,
      });
    }
    expect(await documentRows(id)).toHaveLength(cases.length);
    const list = await t.http.get(`/api/v1/cases/${id}/documents?limit=2`).set(admin);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.page.nextCursor).toEqual(expect.any(String));
    const doc = list.body.data[0] as { id: string };
    const got = await downloadDocument(t, admin, id, doc.id);
    expect(got.headers['content-disposition']).toMatch(/^attachment; filename="[^"/\\]+"/);
    expect(storedFiles(t).every((f) => !f.includes('passwd') && !f.includes('..'))).toBe(true);
  });

  it('answers bad uploads with coded errors and stores nothing', async () => {
    const { id } = await newCase();
    const before = storedFiles(t).length;
    const noFile = await uploadDocument(t, admin, id, [{ field: 'other', content: 'x' }]);
    expect(noFile.status).toBe(400);
    expect(noFile.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
    const json = await t.http.post(`/api/v1/cases/${id}/documents`).set(admin).send({ file: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('CASE4150');
    expect(storedFiles(t)).toHaveLength(before);
    expect(await documentRows(id)).toEqual([]);
  });

  it('is open in every state, and honours If-Match', async () => {
    const { id } = await newCase();
    await moveTo(t, tenant, id, CaseState.COMPLETED);
    const part = [{ filename: 'late.txt', content: 'x' }];
    const stale = await uploadDocument(t, admin, id, part, { 'If-Match': '1' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CASE4092');
    expect(await documentRows(id)).toEqual([]);
    expect((await uploadDocument(t, admin, id, part)).status).toBe(201);
  });

  it('answers 404 for unknown documents and malformed ids 400', async () => {
    const { id } = await newCase();
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const res of [
      await downloadDocument(t, admin, id, unknown),
      await t.http.delete(`/api/v1/cases/${id}/documents/${unknown}`).set(admin),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code ?? JSON.parse(res.body.toString()).code).toBe('CASE4048');
    }
    const malformed = await t.http.delete(`/api/v1/cases/${id}/documents/nope`).set(admin);
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('CASE4003');
  });

  it('needs its own view permission on the case view, and case visibility everywhere', async () => {
    const { id } = await newCase({ assignedToUsers: ['uma'] });
    await uploadDocument(t, admin, id, [{ filename: 'a.txt', content: 'a' }]).expect(201);
    const viewer = bearer({ tenant, user: 'vic', permissions: [CASE_VIEW] });
    expect((await t.http.get(`/api/v1/cases/${id}`).set(viewer)).body.data).not.toHaveProperty(
      'documents',
    );
    const notAssigned = bearer({
      tenant,
      user: 'zed',
      permissions: [CASE_VIEW_ASSIGNED, CASE_DOC_VIEW, CASE_DOC_UPLOAD],
    });
    const list = await t.http.get(`/api/v1/cases/${id}/documents`).set(notAssigned);
    expect(list.status).toBe(404);
    const upload = await uploadDocument(t, notAssigned, id, [{ filename: 'b.txt', content: 'b' }]);
    expect(upload.status).toBe(404);
    expect(await documentRows(id)).toHaveLength(1);
  });

  it('tenant isolation: another tenant’s case and documents are 404', async () => {
    const { id } = await newCase();
    const res = await uploadDocument(t, admin, id, [{ filename: 'a.txt', content: 'a' }]);
    const docId = res.body.data.id as string;
    const stranger = bearer({ tenant: newTenant() });
    const before = storedFiles(t).length;
    for (const r of [
      await uploadDocument(t, stranger, id, [{ filename: 'x.txt', content: 'x' }]),
      await t.http.get(`/api/v1/cases/${id}/documents`).set(stranger),
      await downloadDocument(t, stranger, id, docId),
      await t.http.delete(`/api/v1/cases/${id}/documents/${docId}`).set(stranger),
    ]) {
      expect(r.status).toBe(404);
    }
    expect(storedFiles(t)).toHaveLength(before);
    expect(await documentRows(id)).toHaveLength(1);
  });

  it('each route has its permission matrix', async () => {
    const { id } = await newCase();
    const res = await uploadDocument(t, admin, id, [{ filename: 'm.txt', content: 'm' }]);
    const docId = res.body.data.id as string;
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/cases/${id}/documents`,
      permissions: [CASE_DOC_UPLOAD],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: `/api/v1/cases/${id}/documents`,
      permissions: [CASE_DOC_VIEW],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: `/api/v1/cases/${id}/documents/${docId}/content`,
      permissions: [CASE_DOC_VIEW],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'delete',
      path: `/api/v1/cases/${id}/documents/00000000-0000-4000-8000-000000000000`,
      permissions: [CASE_DOC_REMOVE],
    });
  });
});
