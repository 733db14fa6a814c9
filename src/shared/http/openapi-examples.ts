import { OpenAPIObject } from '@nestjs/swagger';

/**
 * Realistic examples by field name, for every schema property and parameter that declares
 * none: without one, Swagger UI's "Try it out" invents values from `pattern` (regex noise).
 */
const UUID = '3f6c2a9e-8b1d-4c57-9e2a-6d4b1f0c7a21';
const TIME = '2026-01-05T09:00:00.000Z';
const USER = 'agent-7';

const BY_NAME: Record<string, unknown> = {
  id: UUID,
  caseId: UUID,
  caseTypeId: UUID,
  processId: UUID,
  solutionId: UUID,
  priorityId: UUID,
  defaultPriorityId: UUID,
  fileId: UUID,
  docId: UUID,
  clientId: 'c3b2f1e0-6a4d-4f1e-9b7a-2d8c5e4f3a10',
  clientSecret: 'x8Zq2vN5rT1uY7wK4mP9sB3dF6hJ0lQe',
  client_id: 'c3b2f1e0-6a4d-4f1e-9b7a-2d8c5e4f3a10',
  client_secret: 'x8Zq2vN5rT1uY7wK4mP9sB3dF6hJ0lQe',
  grant_type: 'client_credentials',
  scope: 'CASE_VIEW CASE_CREATE',
  access_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMifQ.c2lnbmF0dXJl',
  token_type: 'Bearer',
  expires_in: 3600,
  displayId: 'CMacme-42',
  name: 'Water damage',
  code: 'WATER_DAMAGE',
  label: 'In progress',
  description: 'Claims for water damage to insured property.',
  details: 'Water is leaking through the kitchen ceiling.',
  text: 'Called the customer; the plumber comes on Monday.',
  comment: 'Checked with the customer by phone.',
  reason: 'Waiting for the assessor’s report.',
  resolution: 'Leak repaired and costs reimbursed.',
  subject: 'Your claim CMacme-42',
  body: 'Could you send us a photo of the damage?',
  from: 'jane.doe@example.com',
  to: 'jane.doe@example.com',
  level: 10,
  color: '#E53935',
  active: true,
  tag: 'urgent',
  tags: ['urgent', 'water'],
  slaInstanceIds: [UUID],
  messageWarnedSLAs: [UUID],
  state: 'NEW',
  onState: 'RESOLVED',
  pauseInStates: ['ON_HOLD', 'REQUEST_INPUT'],
  firstName: 'Jane',
  initiatorId: 'customer-1001',
  userId: USER,
  email: 'jane.doe@example.com',
  url: 'https://hooks.example.com/case-events',
  events: ['case.*', 'sla.violated'],
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  locale: 'de-CH',
  timeZone: 'Europe/Berlin',
  groups: ['claims-desk'],
  actorId: USER,
  authorId: USER,
  createdBy: USER,
  updatedBy: USER,
  uploadedBy: USER,
  recordedBy: USER,
  resolvedBy: USER,
  transferredBy: USER,
  onBehalfOf: 'customer-1001',
  assignedToUsers: [USER],
  assignedToGroups: ['claims-team'],
  defaultAssignedToGroups: ['claims-team'],
  strategy: 'round-robin',
  capacity: 10,
  watchers: [USER],
  location: 'Main Street 1, Springfield',
  locationId: 'loc-12',
  locationCode: 'SPR-01',
  percent: 50,
  completedPercent: 50,
  dueInHours: 72,
  warnBeforeHours: 12,
  warnAfterMinutes: 240,
  breachAfterMinutes: 480,
  targetMinutes: 480,
  calendarId: UUID,
  atPercent: 75,
  users: [USER],
  elapsedMinutes: 120,
  remainingMinutes: 360,
  pausedMinutes: 30,
  autoCloseHours: 48,
  contentType: 'application/pdf',
  size: 48213,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  contentUrl: `/api/v1/cases/${UUID}/documents/${UUID}/content`,
  version: 3,
  permissions: ['CASE_VIEW', 'CASE_CREATE'],
  caseTypeIds: [UUID],
  caseTypeName: 'Water damage',
  processName: 'Property claims',
  solutionName: 'Insurance',
  stateLabel: 'New',
  type: 'case.created',
  direction: 'outbound',
  kind: 'workflow',
  visibility: 'internal',
  commentVisibility: 'internal',
  linkId: UUID,
  intoCaseId: UUID,
  mergedInto: UUID,
  caseIds: [UUID, 'CMacme-43'],
  ownerId: USER,
  shared: false,
  list: 'assigned',
  sort: 'createdAt',
  succeeded: 2,
  failed: 0,
  job: 'sla-check',
  trigger: 'schedule',
  replica: 'case-service-7c9f:4711',
  failure: 'Connection terminated unexpectedly',
  dueDateCaseTypeIds: [UUID],
  checked: 120,
  warned: 4,
  violated: 1,
  escalated: 2,
  exceeded: 1,
  enqueued: 12,
};

type Json = Record<string, unknown>;

function fallback(schema: Json): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.format === 'date-time' || schema.format === 'date') return TIME;
  if (schema.format === 'uuid') return UUID;
  if (type === 'integer' || type === 'number') {
    return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
  }
  if (type === 'boolean') return true;
  return undefined;
}

function exampleFor(name: string, schema: Json): unknown {
  if (schema.example !== undefined || schema.$ref || schema.allOf || schema.anyOf) return undefined;
  if (schema.format === 'binary') return undefined;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object') return undefined;
  const known = BY_NAME[name];
  if (known !== undefined && Array.isArray(known) === (type === 'array')) {
    if (!Array.isArray(schema.enum) || schema.enum.includes(known)) return known;
  }
  if (/(At|Date|Since|Warning)$/.test(name) && type === 'string') return TIME;
  if (type === 'array') {
    const item = exampleFor(name.replace(/s$/, ''), (schema.items ?? {}) as Json);
    return item === undefined ? undefined : [item];
  }
  return fallback(schema);
}

export function withExamples(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {}) as Json[]) {
    for (const [name, property] of Object.entries(
      (schema.properties ?? {}) as Record<string, Json>,
    )) {
      const example = exampleFor(name, property);
      if (example !== undefined) property.example = example;
    }
  }
  for (const item of Object.values(document.paths)) {
    for (const op of [item.get, item.post, item.put, item.patch, item.delete]) {
      const params = (op?.parameters ?? []) as { name: string; in: string; schema?: Json }[];
      for (const param of params) {
        // Swagger UI pre-fills "Try it out" with examples: never an optional filter or header.
        if (param.in !== 'path' || !param.schema) continue;
        const example = exampleFor(param.name, param.schema);
        if (example !== undefined) param.schema.example = example;
      }
    }
  }
  return document;
}
