import { checkedResponses, checkExchange, Exchange } from '../support/openapi-contract';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';
import { createCaseType } from '../support/builders/definitions-http.builder';

/** A response of the mini document below, as the layer sees it. */
function exchange(overrides: Partial<Exchange> & { headers?: Record<string, string> }): Exchange {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    ...overrides.headers,
  };
  return {
    method: 'get',
    path: '/things/42',
    status: 200,
    body: Buffer.from(JSON.stringify({ data: { id: '42', parent: null } })),
    header: (name) => headers[name.toLowerCase()],
    ...overrides,
  };
}

const DOC = {
  openapi: '3.1.0',
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            headers: { 'x-correlation-id': { schema: { type: 'string' } } },
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['data'],
                  properties: { data: { $ref: '#/components/schemas/Thing' } },
                },
              },
            },
          },
        },
      },
    },
    '/things/special': { get: { responses: { '204': { description: 'none' } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'parent'],
        properties: {
          id: { type: 'string' },
          parent: { anyOf: [{ $ref: '#/components/schemas/Thing' }, { type: 'null' }] },
        },
      },
    },
  },
};

describe('OpenAPI contract layer: what it reports', () => {
  it('accepts a response the document describes (a null where anyOf allows it)', () => {
    expect(checkExchange(DOC, exchange({}))).toEqual([]);
  });

  it('reports an undeclared status with the operation and the declared ones', () => {
    expect(checkExchange(DOC, exchange({ status: 418 }))).toEqual([
      'GET /things/{id} → 418: status 418 is not declared (declared: 200)',
    ]);
  });

  it('reports an undeclared media type', () => {
    const found = checkExchange(DOC, exchange({ headers: { 'content-type': 'text/html' } }));
    expect(found).toEqual([
      'GET /things/{id} → 200: media type text/html is not declared (declared: application/json)',
    ]);
  });

  it('reports a body that breaks the schema, with the Ajv error and its place', () => {
    const body = Buffer.from(JSON.stringify({ data: { id: 42, parent: null } }));
    const [problem, ...rest] = checkExchange(DOC, exchange({ body }));
    expect(rest).toEqual([]);
    expect(problem).toContain('GET /things/{id} → 200 (application/json): body does not match');
    expect(problem).toContain('/data/id must be string');
  });

  it('reports a field the document does not declare, at any depth', () => {
    const body = Buffer.from(JSON.stringify({ data: { id: '42', parent: null, extra: 1 } }));
    const [problem, ...rest] = checkExchange(DOC, exchange({ body }));
    expect(rest).toEqual([]);
    expect(problem).toContain('/data must NOT have unevaluated properties');
    const nested = { data: { id: '1', parent: { id: '2', parent: null, secret: 'x' } } };
    const [deep] = checkExchange(DOC, exchange({ body: Buffer.from(JSON.stringify(nested)) }));
    expect(deep).toContain('/data/parent must NOT have unevaluated properties');
  });

  it('reports a service header the response does not declare, but not Express’s own ETag', () => {
    const replayed = checkExchange(DOC, exchange({ headers: { 'idempotent-replayed': 'true' } }));
    expect(replayed).toEqual([
      'GET /things/{id} → 200: header idempotent-replayed is sent but not declared',
    ]);
    const weak = 'W/"2a-3q2+7Ppk8hQYp5Ao4cK1W/Yx2nI"';
    expect(checkExchange(DOC, exchange({ headers: { etag: weak } }))).toEqual([]);
    expect(checkExchange(DOC, exchange({ headers: { etag: '"7"' } }))).toEqual([
      'GET /things/{id} → 200: header etag is sent but not declared',
    ]);
  });

  it('matches literal path segments before parameters', () => {
    const found = checkExchange(
      DOC,
      exchange({ path: '/things/special', status: 204, body: Buffer.alloc(0) }),
    );
    expect(found).toEqual([]);
  });
});

describe('OpenAPI contract layer: the service’s own answers (e2e)', () => {
  let t: TestApp;
  let doc: object;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/docs-json').expect(200)).body as object;
  });
  afterAll(() => t.close());

  it('checks every response the test app sends', async () => {
    const before = checkedResponses();
    await t.http.get('/api/v1/cases').expect(401);
    await t.http.get('/health').expect(200);
    expect(checkedResponses()).toBe(before + 2);
  });

  it('a new case (null priority, relation and transfer) validates against POST /cases', async () => {
    const tenant = newTenant();
    const caseTypeId = await createCaseType(t, bearer({ tenant }));
    const res = await t.http
      .post('/api/v1/cases')
      .set(bearer({ tenant }))
      .send({ caseTypeId, details: 'Ceiling leak' })
      .expect(201);
    expect(res.body.data).toMatchObject({
      priority: null,
      caseRelation: null,
      transferredTo: null,
    });
    const headers = res.headers as Record<string, string>;
    const found = checkExchange(doc, {
      method: 'post',
      path: '/api/v1/cases',
      status: 201,
      header: (name) => headers[name.toLowerCase()],
      body: Buffer.from(res.text),
    });
    expect(found).toEqual([]);
  });
});
