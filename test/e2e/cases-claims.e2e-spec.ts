import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Case claim and unclaim (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({
      milestones: [{ name: 'Resolved', percent: 90, onState: CaseState.RESOLVED }],
    });
  });
  afterAll(() => t.close());

  const act = (id: string, action: string, body: object = {}, headers = admin) =>
    t.http.post(`/api/v1/cases/${id}/${action}`).set(headers).send(body);
  const newCase = (body: Record<string, unknown> = {}) =>
    createCase(t, tenant, { caseTypeId: type.id, ...body });

  describe('claim and unclaim', () => {
    const agent = (user: string, permissions = [Permission.CASE_PROCESS, Permission.CASE_VIEW]) =>
      bearer({ tenant, user, permissions });

    it('claim puts the caller alone in assignedToUsers (groups stay); unclaim empties it', async () => {
      const { id } = await newCase({ assignedToGroups: ['desk'] });
      const claimed = await act(id, 'claim', {}, agent('bob'));
      expect(claimed.status).toBe(200);
      expect(claimed.body).toMatchObject({
        code: 'CASE0642',
        message: 'The case was claimed successfully',
        data: { assignedToUsers: ['bob'], assignedToGroups: ['desk'], version: 2 },
      });
      const taken = await act(id, 'claim', {}, agent('carol'));
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('CASE4093');
      const notHers = await act(
        id,
        'unclaim',
        {},
        agent('carol', [Permission.CASE_EDIT, Permission.CASE_VIEW]),
      );
      expect(notHers.status).toBe(409);
      expect(notHers.body.code).toBe('CASE4098');
      const unclaimed = await act(id, 'unclaim', {}, agent('bob'));
      expect(unclaimed.status).toBe(200);
      expect(unclaimed.body).toMatchObject({
        code: 'CASE0644',
        message: 'The case was unclaimed successfully',
        data: { assignedToUsers: [], assignedToGroups: ['desk'], version: 3 },
      });
    });

    it('a CASE_ALL holder may unclaim a case claimed by someone else', async () => {
      const { id } = await newCase();
      await act(id, 'claim', {}, agent('bob')).expect(200);
      const res = await act(id, 'unclaim', {}, bearer({ tenant, user: 'boss' }));
      expect(res.status).toBe(200);
      expect(res.body.data.assignedToUsers).toEqual([]);
    });

    it('answers the claimer even when the claim takes the case out of their view', async () => {
      const { id } = await newCase();
      const picker = agent('pia', [Permission.CASE_PROCESS, Permission.CASE_VIEW_UNASSIGNED]);
      const res = await act(id, 'claim', {}, picker);
      expect(res.status).toBe(200);
      expect(res.body.data.assignedToUsers).toEqual(['pia']);
      expect((await t.http.get(`/api/v1/cases/${id}`).set(picker)).status).toBe(404);
    });
  });
});
