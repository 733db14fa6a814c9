import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { binaryParser, FilePart, multipart } from '../multipart';
import { TestApp } from '../test-app';

type Headers = Record<string, string>;

export function uniqueCode(prefix = 'C'): string {
  return `${prefix}${randomUUID().slice(0, 8)}`;
}

/** Creates a solution over HTTP and returns its id. */
export async function createSolution(t: TestApp, headers: Headers, body: object = {}) {
  const res = await t.http
    .post('/api/v1/solutions')
    .set(headers)
    .send({ name: 'Solution', code: uniqueCode('S'), ...body });
  if (res.status !== 201) throw new Error(`solution: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id as string;
}

/** Creates a process (in a new solution unless one is given) and returns its id. */
export async function createProcess(t: TestApp, headers: Headers, body: object = {}) {
  const solutionId =
    (body as { solutionId?: string }).solutionId ?? (await createSolution(t, headers));
  const res = await t.http
    .post('/api/v1/processes')
    .set(headers)
    .send({ name: 'Process', code: uniqueCode('P'), solutionId, ...body });
  if (res.status !== 201) throw new Error(`process: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id as string;
}

/** Creates a case type (under a new process unless one is given) and returns its id. */
export async function createCaseType(t: TestApp, headers: Headers, body: object = {}) {
  const processId = (body as { processId?: string }).processId ?? (await createProcess(t, headers));
  const res = await t.http
    .post('/api/v1/case-types')
    .set(headers)
    .send({ name: 'Case type', code: uniqueCode('T'), processId, ...body });
  if (res.status !== 201) throw new Error(`case type: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id as string;
}

export async function createPriority(t: TestApp, headers: Headers, body: object = {}) {
  const res = await t.http
    .post('/api/v1/priorities')
    .set(headers)
    .send({ name: 'Priority', code: uniqueCode('PR'), level: 1, ...body });
  if (res.status !== 201) throw new Error(`priority: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id as string;
}

/** Posts a hand-built multipart body to a case-type file route (`workflows`, ...). */
export function uploadFile(
  t: TestApp,
  headers: Headers,
  caseTypeId: string,
  path: string,
  parts: FilePart[],
) {
  const { contentType, body } = multipart(parts);
  return t.http
    .post(`/api/v1/case-types/${caseTypeId}/${path}`)
    .set(headers)
    .set('Content-Type', contentType)
    .send(body);
}

/** Downloads a case-type file's content as bytes. */
export function downloadFile(t: TestApp, headers: Headers, caseTypeId: string, fileId: string) {
  return t.http
    .get(`/api/v1/case-types/${caseTypeId}/files/${fileId}/content`)
    .set(headers)
    .buffer(true)
    .parse(binaryParser);
}

/** Every file (temp files included) under the app's storage directory. */
export function storedFiles(t: TestApp): string[] {
  const dir = t.app.get(ConfigService).getOrThrow<string>('storage.dir');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
