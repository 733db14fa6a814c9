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
  return SwaggerModule.createDocument(app, config);
}

export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
