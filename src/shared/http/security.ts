import { INestApplication } from '@nestjs/common';
import helmet from 'helmet';

/** Headers the API and the browser-facing CORS and Swagger answer with. */
export const EXPOSED_HEADERS = ['x-correlation-id', 'idempotent-replayed', 'etag', 'location'];

/**
 * Helmet with a policy an API and Swagger UI at /docs can share: scripts and styles from this
 * origin only (Swagger UI's page has inline styles), its icons as data: URIs, calls to this origin,
 * and no framing. No `upgrade-insecure-requests`, which would break /docs on plain HTTP.
 */
export function applySecurityHeaders(app: INestApplication, corsOrigins: string[]): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  if (corsOrigins.length === 0) return;
  app.enableCors({
    origin: corsOrigins.includes('*') ? '*' : corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}
