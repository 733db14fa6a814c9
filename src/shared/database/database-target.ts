import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../../config/configuration';
import { ConnectionTarget } from './data-source-options';
import { embeddedDatabaseDir, EmbeddedPostgresHost } from './embedded-postgres-host';

/** Where the database is: PostgreSQL from DATABASE_URL, or PGlite in a worker thread of this process. */
@Injectable()
export class DatabaseTarget implements OnApplicationShutdown {
  private static readonly logger = new Logger('Database');

  constructor(
    readonly target: ConnectionTarget,
    readonly embedded: EmbeddedPostgresHost | undefined,
    private readonly moduleRef: ModuleRef,
  ) {}

  static async resolve(config: DatabaseConfig, moduleRef: ModuleRef): Promise<DatabaseTarget> {
    if (config.url) {
      EmbeddedPostgresHost.discardPrestart();
      return new DatabaseTarget({ url: config.url }, undefined, moduleRef);
    }
    const dir = embeddedDatabaseDir(config.dataDir);
    const started = Date.now();
    const embedded = await EmbeddedPostgresHost.start(dir);
    embedded.onLost((reason) => DatabaseTarget.logger.error(`embedded database ${reason}`));
    DatabaseTarget.logger.log(
      `embedded PGlite ready in ${embedded.openedInMs} ms, ${Date.now() - started} ms of them ` +
        `waited for (data in ${dir}, ${embedded.origin})`,
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
