import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_CATALOGUE, ErrorCode, statusOf } from '../errors/error-codes';
import { finishDocument } from './openapi-document';
import { withExamples } from './openapi-examples';
import { withSummaries } from './openapi-summaries';

const TAGS: Record<string, string> = {
  auth: 'OAuth 2.0 client credentials: tokens for machine clients, and their management.',
  definitions:
    'Solutions, processes and case types (with their SLAs, due dates, milestones and files); case status labels.',
  priorities: 'The tenant’s case priorities.',
  cases: 'Creating, reading, editing and moving cases through their lifecycle; tags and watchers.',
  comments: 'Agent and initiator comments on a case.',
  messages: 'Messages exchanged with the initiator (outbound and inbound).',
  documents: 'Files attached to a case.',
  activity: 'The activity log of a case.',
  jobs: 'The scheduled checks (SLA, due date, auto-close), callable by external schedulers; their runs and per-tenant settings.',
  operations: 'Health probe.',
  directory: 'The tenant’s users and groups: e-mail, locale, time zone and group membership.',
  notifications: 'The caller’s own inbox of notifications.',
  'notification-templates': 'Per-tenant, per-locale templates of the notifications (Handlebars).',
  webhooks:
    'Signed HTTP callbacks (Standard Webhooks) of the tenant’s domain events, with deliveries.',
  events: 'The tenant’s change feed: a cursor list and a Server-Sent Events stream.',
  calendars: 'Working hours, holidays and time zones; the business-time arithmetic SLAs use.',
  'case-links': 'Parent/child, related and duplicate links between cases.',
  'case-merge':
    'Merging a duplicate case into another (its content moves, it is canceled) and undoing it for 30 days.',
  bulk: 'One action (assign, tag, priority, lifecycle) on up to 500 cases, each on its own.',
  views: 'Saved case lists (list, filters, sort), personal or shared in the tenant.',
  reports:
    'Read-only reports over the tenant’s cases: SLA outcomes per case type, priority or group.',
  slas: 'Service levels on business time: a case’s SLA clocks, and what an SLA change would do.',
};

/** Every code the service answers with, for clients and code generators (also in the README). */
export function errorCatalogue(): {
  code: string;
  status: number;
  category: string;
  message: string;
}[] {
  return Object.entries(ERROR_CATALOGUE).map(([code, def]) => ({
    code,
    status: statusOf(code as ErrorCode),
    category: def.category,
    message: def.message,
  }));
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Case Management Service')
    .setDescription(
      'Multi-tenant case management API. Every route lists the permissions it needs ' +
        '(`x-permissions`; CASE_ALL passes every check). Errors answer ' +
        '`{ statusCode, code, message, details?, correlationId }`; each route lists its codes, ' +
        'and the whole catalogue is in this document under `x-error-codes` (and in the README).',
    )
    .setVersion('1')
    .setOpenAPIVersion('3.1.0')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', 'This service')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  const finished = finishDocument(withExamples(withSummaries(withIdempotencyKey(document))));
  return { ...finished, 'x-error-codes': errorCatalogue() } as OpenAPIObject;
}

/** Every authenticated POST accepts an Idempotency-Key (SPEC §5). */
function withIdempotencyKey(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    const post = path.post;
    const permissions = (post as { 'x-permissions'?: { public?: boolean } } | undefined)?.[
      'x-permissions'
    ];
    if (!post || permissions?.public) continue;
    post.parameters = [
      ...(post.parameters ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Repeating the request with the same key within 24 h returns the first response ' +
          '(header `Idempotent-Replayed: true`) and changes nothing. 1-200 printable ASCII ' +
          'characters (CASE4007); reused for another request: CASE4008; first one still ' +
          'running: 409 CASE4095.',
        schema: { type: 'string', maxLength: 200 },
      },
    ];
  }
  return document;
}

export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
