/*
 * The create-case benchmark's framework floor (`--nest-floor`), in a process of its own: the
 * baseline's route and writes (create-case-writes.js) served by a minimal Nest 11 application on
 * Express, as the service is, with nothing of the service's request pipeline: one controller, the
 * HS256 token verified in the handler as the bare server does, Nest's default JSON body parser, no
 * guards, pipes, interceptors, middleware, metrics or logging. Between the bare `node:http` server
 * and the service, it tells what Nest and Express cost by themselves and what the service's
 * per-request features add.
 *
 *   DATABASE_URL=... JWT_SECRET=... [POOL_SIZE=10] [PORT=0] node bench/create-case-nest-floor.js
 *
 * Prints `{"port": n}` on stdout once listening; SIGTERM closes the application and the pool.
 * Plain JavaScript, so the decorators are applied as functions.
 */
require('reflect-metadata');
const { Buffer } = require('node:buffer');
const { createSecretKey } = require('node:crypto');
const {
  BadRequestException,
  Body,
  Controller,
  Headers,
  HttpCode,
  Module,
  Post,
  UnauthorizedException,
} = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');
const { createCase } = require('./create-case-writes');

const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET, 'utf8'));
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});

class CasesController {
  async create(authorization, body) {
    let claims;
    try {
      claims = jwt.verify((authorization ?? '').replace(/^Bearer /, ''), secret, {
        algorithms: ['HS256'],
      });
    } catch {
      throw new UnauthorizedException();
    }
    const created = await createCase(pool, claims.client_id, claims.sub, body ?? {});
    if (!created) throw new BadRequestException();
    return { code: 'CASE0600', data: created };
  }
}
const create = Object.getOwnPropertyDescriptor(CasesController.prototype, 'create');
Post('cases')(CasesController.prototype, 'create', create);
HttpCode(201)(CasesController.prototype, 'create', create);
Headers('authorization')(CasesController.prototype, 'create', 0);
Body()(CasesController.prototype, 'create', 1);
Reflect.defineMetadata('design:paramtypes', [String, Object], CasesController.prototype, 'create');
Controller('api/v1')(CasesController);

class FloorModule {}
Module({ controllers: [CasesController] })(FloorModule);

async function main() {
  const app = await NestFactory.create(FloorModule, { logger: false });
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  const { port } = app.getHttpServer().address();
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
