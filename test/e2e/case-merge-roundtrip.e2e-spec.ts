import fc from 'fast-check';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { uploadDocument } from '../support/builders/documents.builder';
import { moveTo } from '../support/builders/case-lifecycle.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const OPEN_STATES = [
  CaseState.NEW,
  CaseState.OPENED,
  CaseState.IN_PROCESS,
  CaseState.REQUEST_INPUT,
  CaseState.ON_HOLD,
  CaseState.RESOLVED,
  CaseState.REOPENED,
];

/** A case's content: small pools, so the two cases often share tags and watchers. */
const side = fc.record({
  state: fc.constantFrom(...OPEN_STATES),
  tags: fc.subarray(['t1', 't2', 't3', 't4']),
  watchers: fc.subarray(['u1', 'u2', 'u3']),
  comments: fc.integer({ min: 0, max: 2 }),
  documents: fc.integer({ min: 0, max: 1 }),
});

type Side = typeof side extends fc.Arbitrary<infer T> ? T : never;

/** The audit trail: what a round trip may change. */
const AUDIT = ['version', 'updatedAt', 'updatedBy'];

describe('Merge then unmerge leaves both cases as they were (property, e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  let caseTypeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseTypeId = await createCaseType(t, admin);
  });
  afterAll(() => t.close());

  const build = async (s: Side, name: string): Promise<string> => {
    const res = await t.http
      .post('/api/v1/cases')
      .set(admin)
      .send({ caseTypeId, details: name, tags: s.tags, watchers: s.watchers })
      .expect(201);
    const id = res.body.data.id as string;
    for (let i = 0; i < s.comments; i++) {
      await t.http
        .post(`/api/v1/cases/${id}/comments`)
        .set(admin)
        .send({ text: `${name} ${i}` });
    }
    for (let i = 0; i < s.documents; i++) {
      const file = { filename: `${name}-${i}.txt`, contentType: 'text/plain', content: name };
      expect((await uploadDocument(t, admin, id, [file])).status).toBe(201);
    }
    await moveTo(t, tenant, id, s.state);
    return id;
  };
  const view = async (id: string) => {
    const res = await t.http.get(`/api/v1/cases/${id}`).set(admin).expect(200);
    const data = res.body.data as Record<string, unknown>;
    return Object.fromEntries(Object.entries(data).filter(([key]) => !AUDIT.includes(key)));
  };

  it('holds for random comments, documents, tags, watchers, states and links', async () => {
    await fc.assert(
      fc.asyncProperty(
        side,
        side,
        fc.constantFrom(null, 'related', 'duplicate-of'),
        async (sa, sb, linked) => {
          const [a, b] = [await build(sa, 'a'), await build(sb, 'b')];
          if (linked) {
            const body = { type: linked, caseId: b };
            await t.http.post(`/api/v1/cases/${a}/links`).set(admin).send(body).expect(201);
          }
          const before = [await view(a), await view(b)];
          const merged = await t.http
            .post(`/api/v1/cases/${a}/merge`)
            .set(admin)
            .send({ intoCaseId: b });
          expect(merged.status).toBe(200);
          expect(merged.body.data).toMatchObject({ state: 'CANCELED', mergedInto: b });
          await t.http.post(`/api/v1/cases/${a}/unmerge`).set(admin).send({}).expect(200);
          expect([await view(a), await view(b)]).toEqual(before);
        },
      ),
      { numRuns: 12 },
    );
  }, 300_000);
});
