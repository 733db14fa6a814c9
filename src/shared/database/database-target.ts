import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../../config/configuration';
import { ConnectionTarget } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';

/** Where the database is: PostgreSQL from DATABASE_URL, or PGlite started in-process. */
@Injectable()
export class DatabaseTarget implements OnApplicationShutdown {
  private static readonly logger = new Logger('Database');

  constructor(
    readonly target: ConnectionTarget,
    readonly embedded: EmbeddedPostgres | undefined,
    private readonly moduleRef: ModuleRef,
  ) {}

  static async resolve(config: DatabaseConfig, moduleRef: ModuleRef): Promise<DatabaseTarget> {
    if (config.url) return new DatabaseTarget({ url: config.url }, undefined, moduleRef);
    const dir = join(config.dataDir, 'pgdata');
    const started = Date.now();
    const embedded = await EmbeddedPostgres.start(dir);
    DatabaseTarget.logger.log(
      `embedded PGlite ready in ${Date.now() - started} ms (data in ${dir}, ${embedded.origin})`,
    );
    return new DatabaseTarget(embedded.connection, embedded, moduleRef);
  }

  get isEmbedded(): boolean {
    return this.embedded !== undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.embedded.stop();
  }
}
