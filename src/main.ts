// First: on the embedded default, opens the database while the modules below load (and sets the
// V8 flag for its WebAssembly, which the compiled code kept for the next start depends on); then
// those modules compile from the code kept by the previous start (compile-cache.ts).
import './prestart';
import './precompiled';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { saveCompileCache } from './compile-cache';
import { configureApp } from './app.setup';
import { ExpressHttpAdapter } from './shared/http/express-http-adapter';
import { AppConfig, AuthConfig } from './config/configuration';
import { Permission } from './shared/auth/permission.enum';
import { signToken } from './shared/auth/token-signer';
import { DEMO_TENANT, DEMO_USER } from './demo/demo-data';

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'];
const SHUTDOWN_TIMEOUT_MS = 10_000;
/** After the start and its first requests, the compiled code is kept for the next start. */
const COMPILE_CACHE_SAVE_DELAY_MS = 2_000;

async function bootstrap(): Promise<void> {
  const started = Date.now();
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule,
    new ExpressHttpAdapter(),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  configureApp(app);
  // Closing the app stops the HTTP server, the pool and the embedded PGlite (which checkpoints
  // its data directory), then exits 0; a shutdown that hangs is cut short.
  app.enableShutdownHooks(SHUTDOWN_SIGNALS, { useProcessExit: true });
  for (const signal of SHUTDOWN_SIGNALS) {
    process.once(signal, () => setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref());
  }
  const config = app.get(ConfigService);
  const settings = config.getOrThrow<AppConfig>('app');
  await app.listen(settings.port);
  const base = `http://localhost:${settings.port}`;
  new Logger('Bootstrap').log({ url: base, ms: Date.now() - started }, 'ready');
  const auth = config.getOrThrow<AuthConfig>('auth');
  const token =
    auth.usingDevSecret && settings.env !== 'production' ? developmentToken(auth) : undefined;
  process.stdout.write(banner(base, Date.now() - started, settings.docsEnabled, token));
  setTimeout(saveCompileCache, COMPILE_CACHE_SAVE_DELAY_MS).unref();
}

function developmentToken(auth: AuthConfig): string {
  return signToken(auth, {
    sub: DEMO_USER,
    client_id: DEMO_TENANT,
    permissions: [Permission.CASE_ALL],
    groups: ['demo-agents'],
    name: 'Demo Admin',
  });
}

/** What a person starting the service needs, readable among the JSON log lines. */
function banner(base: string, ms: number, docs: boolean, token?: string): string {
  const lines = [
    '',
    `Case Management Service ready in ${ms} ms`,
    `  API          ${base}/api/v1`,
    ...(docs ? [`  Swagger UI   ${base}/docs`, `  OpenAPI      ${base}/docs-json`] : []),
    `  Health       ${base}/health`,
    ...(token
      ? [
          `  Development token (tenant ${DEMO_TENANT}, CASE_ALL, 1 h; more: npm run token -- --help):`,
          `  ${token}`,
        ]
      : []),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
