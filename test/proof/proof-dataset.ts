import { randomUUID } from 'node:crypto';
import { multipart } from '../support/multipart';
import { TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';

/** Ids of a small realistic dataset, created over the API, so that path ids resolve. */
export interface ProofDataset {
  tenant: string;
  user: string;
  priorityId: string;
  solutionId: string;
  processId: string;
  caseTypeId: string;
  caseId: string;
  displayId: string;
  otherCaseId: string;
  fileId: string;
  documentId: string;
  clientId: string;
  tag: string;
  calendarId: string;
  linkId: string;
  viewId: string;
  webhookId: string;
  deliveryId: string;
}

const code = (prefix: string) => `${prefix}${randomUUID().slice(0, 8)}`;

export async function seedDataset(
  t: TestApp,
  tenant: string,
  user = 'alice',
): Promise<ProofDataset> {
  const headers = bearer({ tenant, user });
  const post = async (path: string, body: object, status = 201) => {
    const res = await t.http.post(path).set(headers).send(body);
    if (res.status !== status) {
      throw new Error(`seed ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.data as Record<string, unknown>;
  };
  const upload = async (path: string, filename: string, contentType: string) => {
    const { contentType: type, body } = multipart([{ filename, contentType, content: '<x/>' }]);
    const res = await t.http.post(path).set(headers).set('Content-Type', type).send(body);
    if (res.status !== 201)
      throw new Error(`seed ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as Record<string, unknown>;
  };
  const priority = await post('/api/v1/priorities', { name: 'Normal', code: code('PR'), level: 2 });
  const solution = await post('/api/v1/solutions', { name: 'Facilities', code: code('S') });
  const process = await post('/api/v1/processes', {
    name: 'Repairs',
    code: code('P'),
    solutionId: solution.id,
  });
  const caseType = await post('/api/v1/case-types', {
    name: 'Broken printer',
    code: code('T'),
    processId: process.id,
  });
  const kase = await post('/api/v1/cases', {
    caseTypeId: caseType.id,
    details: 'Printer on fire',
    priorityId: priority.id,
  });
  const other = await post('/api/v1/cases', { caseTypeId: caseType.id, details: 'Paper jam' });
  const caseId = kase.id as string;
  await post(`/api/v1/cases/${caseId}/comments`, { text: 'Looking into it' });
  await post(`/api/v1/cases/${caseId}/tags`, { tags: ['vip'] }, 200);
  const file = await upload(
    `/api/v1/case-types/${String(caseType.id)}/workflows`,
    'flow.bpmn',
    'application/xml',
  );
  const doc = await upload(`/api/v1/cases/${caseId}/documents`, 'photo.png', 'image/png');
  const client = await post('/api/v1/oauth/clients', {
    name: 'Gateway',
    permissions: ['CASE_VIEW'],
  });
  const directoryUser = await t.http
    .put(`/api/v1/directory/users/${user}`)
    .set(headers)
    .send({ email: `${user}@example.test`, groups: ['desk'] });
  if (directoryUser.status !== 200) throw new Error(`seed directory: ${directoryUser.status}`);
  const calendar = await post('/api/v1/calendars', {
    name: 'Office',
    timeZone: 'Europe/Berlin',
    workingHours: { mon: [{ start: '09:00', end: '17:00' }] },
  });
  const caseLink = await post(`/api/v1/cases/${caseId}/links`, {
    type: 'related',
    caseId: other.id,
  });
  const view = await post('/api/v1/views', { name: 'Everything', list: 'all' });
  const webhook = await post('/api/v1/webhooks', {
    url: 'https://93.184.216.34/hooks/cases',
    events: ['case.*'],
  });
  const ping = await post(`/api/v1/webhooks/${String(webhook.id)}/ping`, {}, 200);
  const dataset = {
    tenant,
    user,
    priorityId: priority.id as string,
    solutionId: solution.id as string,
    processId: process.id as string,
    caseTypeId: caseType.id as string,
    caseId,
    displayId: kase.displayId as string,
    otherCaseId: other.id as string,
    fileId: (file.fileId ?? file.id) as string,
    documentId: (doc.documentId ?? doc.id) as string,
    clientId: client.clientId as string,
    tag: 'vip',
    calendarId: calendar.id as string,
    linkId: caseLink.id as string,
    viewId: view.id as string,
    webhookId: webhook.id as string,
    deliveryId: ping.id as string,
  };
  const missing = Object.entries(dataset).filter(([, v]) => typeof v !== 'string' || !v);
  if (missing.length) throw new Error(`seed: no ${missing.map(([k]) => k).join(', ')}`);
  return dataset;
}

/** Fills the `{param}` / `:param` placeholders of a route path with the dataset's ids. */
export function resolvePath(template: string, d: ProofDataset): string {
  const base = template.replace(/:(\w+)/g, '{$1}');
  const idOf = (): string => {
    if (base.startsWith('/api/v1/priorities')) return d.priorityId;
    if (base.startsWith('/api/v1/solutions')) return d.solutionId;
    if (base.startsWith('/api/v1/processes')) return d.processId;
    if (base.startsWith('/api/v1/case-types')) return d.caseTypeId;
    if (base.startsWith('/api/v1/calendars')) return d.calendarId;
    if (base.startsWith('/api/v1/views')) return d.viewId;
    if (base.startsWith('/api/v1/webhooks')) return d.webhookId;
    return d.caseId;
  };
  const values: Record<string, string> = {
    id: idOf(),
    fileId: d.fileId,
    docId: d.documentId,
    linkId: d.linkId,
    deliveryId: d.deliveryId,
    tag: d.tag,
    userId: d.user,
    clientId: d.clientId,
    state: 'NEW',
    group: 'desk',
    kind: 'case.commented',
    locale: 'de',
  };
  return base.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no dataset value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}
