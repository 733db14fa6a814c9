import { CaseState } from '../../../src/shared/domain/case-state';
import { TestApp } from '../test-app';
import { bearer } from '../tokens';

/** The actions that lead from NEW to each state. */
export const PATH_TO: Record<CaseState, { action: string; body?: object }[]> = {
  NEW: [],
  OPENED: [{ action: 'open' }],
  IN_PROCESS: [{ action: 'open' }, { action: 'process' }],
  REQUEST_INPUT: [{ action: 'open' }, { action: 'request-input' }],
  ON_HOLD: [{ action: 'open' }, { action: 'hold' }],
  RESOLVED: [{ action: 'open' }, { action: 'resolve', body: { resolution: 'Fixed' } }],
  REOPENED: [
    { action: 'open' },
    { action: 'resolve', body: { resolution: 'Fixed' } },
    { action: 'reopen' },
  ],
  COMPLETED: [
    { action: 'open' },
    { action: 'resolve', body: { resolution: 'Fixed' } },
    { action: 'complete' },
  ],
  CANCELED: [{ action: 'cancel' }],
};

export interface CreatedCase {
  id: string;
  displayId: string;
  version: number;
  state: CaseState;
  [field: string]: unknown;
}

/** Creates a case through the API (CASE_ALL by default); throws unless it answers 201. */
export async function createCase(
  t: TestApp,
  tenant: string,
  body: { caseTypeId: string } & Record<string, unknown>,
  headers: Record<string, string> = bearer({ tenant }),
): Promise<CreatedCase> {
  const res = await t.http
    .post('/api/v1/cases')
    .set(headers)
    .send({ details: 'Printer on fire', ...body });
  if (res.status !== 201) {
    throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.data as CreatedCase;
}

/** Drives a NEW case to `state` through the public actions (as a CASE_ALL user). */
export async function moveTo(
  t: TestApp,
  tenant: string,
  caseId: string,
  state: CaseState,
): Promise<CreatedCase> {
  const headers = bearer({ tenant });
  let data: CreatedCase | undefined;
  for (const step of PATH_TO[state]) {
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/${step.action}`)
      .set(headers)
      .send(step.body ?? {});
    if (res.status !== 200) {
      throw new Error(`${step.action} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    data = res.body.data as CreatedCase;
  }
  return data ?? (await t.http.get(`/api/v1/cases/${caseId}`).set(headers)).body.data;
}
