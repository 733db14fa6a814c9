import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Permission } from '../../src/shared/auth/permission.enum';
import {
  createCaseType,
  downloadFile,
  storedFiles,
  uploadFile,
} from '../support/builders/definitions-http.builder';
import { FilePart } from '../support/multipart';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const KINDS = ['workflows', 'decision-trees', 'status-decision-trees'];

describe('Definitions: case-type files, access and paging (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const upload = (caseTypeId: string, path: string, parts: FilePart[], headers = admin) =>
    uploadFile(t, headers, caseTypeId, path, parts);
  const download = (caseTypeId: string, fileId: string, headers = admin) =>
    downloadFile(t, headers, caseTypeId, fileId);

  it("answers 404 for unknown, deleted and other tenants' case types, files included", async () => {
    const caseTypeId = await createCaseType(t, admin);
    const res = await upload(caseTypeId, 'workflows', [{ filename: 'w.bpmn', content: 'w' }]);
    const fileId = res.body.data.id as string;
    const before = storedFiles(t).length;
    const intruder = bearer({ tenant: newTenant() });

    const foreignUpload = await upload(
      caseTypeId,
      'workflows',
      [{ filename: 'x', content: 'x' }],
      intruder,
    );
    expect(foreignUpload.status).toBe(404);
    expect(foreignUpload.body.code).toBe('CASE4043');
    expect((await t.http.get(`/api/v1/case-types/${caseTypeId}/files`).set(intruder)).status).toBe(
      404,
    );
    expect((await download(caseTypeId, fileId, intruder)).status).toBe(404);
    const foreignRemove = await t.http
      .delete(`/api/v1/case-types/${caseTypeId}/workflows/${fileId}`)
      .set(intruder);
    expect(foreignRemove.status).toBe(404);
    expect(storedFiles(t)).toHaveLength(before);

    const otherType = await createCaseType(t, admin);
    expect((await download(otherType, fileId)).status).toBe(404);
    const unknown = await upload(randomUUID(), 'workflows', [{ filename: 'x', content: 'x' }]);
    expect(unknown.status).toBe(404);

    await t.http.delete(`/api/v1/case-types/${caseTypeId}`).set(admin).expect(200);
    expect((await download(caseTypeId, fileId)).status).toBe(404);
    expect((await t.http.get(`/api/v1/case-types/${caseTypeId}/files`).set(admin)).status).toBe(
      404,
    );
    const late = await upload(caseTypeId, 'workflows', [{ filename: 'x', content: 'x' }]);
    expect(late.status).toBe(404);
    expect(storedFiles(t)).toHaveLength(before);
    expect((await t.http.get(`/api/v1/case-types/not-a-uuid/files`).set(admin)).body.code).toBe(
      'CASE4003',
    );
  });

  it('answers 404 CASE4052 when the stored bytes have gone missing', async () => {
    const caseTypeId = await createCaseType(t, admin);
    const res = await upload(caseTypeId, 'workflows', [{ filename: 'lost.bpmn', content: 'x' }]);
    const [row] = await t.dataSource.query(
      `SELECT storage_key FROM case_type_files WHERE id = $1`,
      [res.body.data.id],
    );
    rmSync(join(t.app.get(ConfigService).getOrThrow<string>('storage.dir'), row.storage_key));
    const got = await download(caseTypeId, res.body.data.id);
    expect(got.status).toBe(404);
    expect(JSON.parse((got.body as Buffer).toString()).code).toBe('CASE4052');
  });

  it('pages through the files of a case type', async () => {
    const caseTypeId = await createCaseType(t, admin);
    for (const name of ['a', 'b', 'c']) {
      await upload(caseTypeId, 'workflows', [{ filename: name, content: name }]).expect(201);
      t.clock.advanceMinutes(1);
    }
    const first = await t.http.get(`/api/v1/case-types/${caseTypeId}/files?limit=2`).set(admin);
    expect(first.body.data.map((f: { name: string }) => f.name)).toEqual(['a', 'b']);
    const next = await t.http
      .get(`/api/v1/case-types/${caseTypeId}/files?limit=2&cursor=${first.body.page.nextCursor}`)
      .set(admin);
    expect(next.body.data.map((f: { name: string }) => f.name)).toEqual(['c']);
    expect(next.body.page.nextCursor).toBeNull();
  });

  it('enforces the permission matrix on every route', async () => {
    const caseTypeId = await createCaseType(t, admin);
    for (const path of KINDS) {
      await expectPermissionMatrix(t, tenant, {
        method: 'post',
        path: `/api/v1/case-types/${caseTypeId}/${path}`,
        permissions: [Permission.CASE_DEF_UPLOAD],
      });
      const res = await upload(caseTypeId, path, [{ filename: 'm', content: 'm' }]);
      await expectPermissionMatrix(t, tenant, {
        method: 'delete',
        path: `/api/v1/case-types/${caseTypeId}/${path}/${res.body.data.id}`,
        permissions: [Permission.CASE_DEF_UPLOAD_REMOVE],
      });
    }
    const res = await upload(caseTypeId, 'workflows', [{ filename: 'v', content: 'v' }]);
    for (const path of ['files', `files/${res.body.data.id}/content`]) {
      await expectPermissionMatrix(t, tenant, {
        method: 'get',
        path: `/api/v1/case-types/${caseTypeId}/${path}`,
        permissions: [Permission.CASE_DEF_VIEW],
      });
    }
  });
});
