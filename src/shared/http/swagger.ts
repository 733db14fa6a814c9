import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_CATALOGUE } from '../errors/error-codes';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const catalogue = Object.entries(ERROR_CATALOGUE)
    .map(([code, def]) => `| ${code} | ${def.category} | ${def.message} |`)
    .join('\n');
  const config = new DocumentBuilder()
    .setTitle('Case Management Service')
    .setDescription(
      'Multi-tenant case management API. Every route lists the permissions it needs ' +
        '(`x-permissions`; CASE_ALL passes every check).\n\n### Error codes\n\n| code | category | message |\n|---|---|---|\n' +
        catalogue,
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return withIdempotencyKey(SwaggerModule.createDocument(app, config));
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
