import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AuthConfig } from './config/configuration';
import { Permission } from './shared/auth/permission.enum';
import { signToken } from './shared/auth/token-signer';
import { DEMO_TENANT, DEMO_USER } from './demo/demo-data';

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'];
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function bootstrap(): Promise<void> {
  const started = Date.now();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app);
  // Closing the app stops the HTTP server, the pool and the embedded PGlite (which checkpoints
  // its data directory), then exits 0; a shutdown that hangs is cut short.
  app.enableShutdownHooks(SHUTDOWN_SIGNALS, { useProcessExit: true });
  for (const signal of SHUTDOWN_SIGNALS) {
    process.once(signal, () => setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref());
  }
  const config = app.get(ConfigService);
  const port = config.get<number>('app.port') ?? 3000;
  await app.listen(port);
  const logger = new Logger('Bootstrap');
  const base = `http://localhost:${port}`;
  logger.log(
    `ready in ${Date.now() - started} ms: ${base} · Swagger UI ${base}/docs · OpenAPI ${base}/docs-json`,
  );
  const auth = config.get<AuthConfig>('auth');
  if (auth?.usingDevSecret && config.get<string>('app.env') !== 'production') {
    const token = signToken(auth, {
      sub: DEMO_USER,
      client_id: DEMO_TENANT,
      permissions: [Permission.CASE_ALL],
      groups: ['demo-agents'],
      name: 'Demo Admin',
    });
    logger.log(`development token (tenant ${DEMO_TENANT}, CASE_ALL, 1 h): ${token}`);
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
