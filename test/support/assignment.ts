import { createCaseType } from './builders/definitions-http.builder';
import { TestApp } from './test-app';
import { bearer } from './tokens';

export interface Activity {
  type: string;
  actorId: string;
  data: Record<string, unknown>;
}

/** Directory members, case types with an assignment rule and the cases' agents, over HTTP. */
export function assignmentKit(t: TestApp, tenant: string) {
  const admin = bearer({ tenant });
  return {
    admin,
    async member(userId: string, groups: string[], active = true) {
      await t.http
        .put(`/api/v1/directory/users/${userId}`)
        .set(admin)
        .send({ groups, active })
        .expect(200);
    },
    type: (assignment: object | null, defaultAssignedToGroups: string[] = []) =>
      createCaseType(t, admin, { assignment, defaultAssignedToGroups }),
    async create(caseTypeId: string, body: object = {}) {
      const res = await t.http
        .post('/api/v1/cases')
        .set(admin)
        .send({ caseTypeId, details: 'Printer on fire', ...body });
      if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data as { id: string; assignedToUsers: string[]; version: number };
    },
    async activities(caseId: string): Promise<Activity[]> {
      const res = await t.http.get(`/api/v1/cases/${caseId}/activities`).set(admin).expect(200);
      return res.body.data as Activity[];
    },
  };
}
