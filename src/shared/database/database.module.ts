import { Global, Module } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { databaseConfig, DatabaseConfig } from '../../config/configuration';
import { Outbox } from '../outbox/outbox';
import { TransactionalDispatcher } from '../outbox/transactional-dispatcher';
import { dataSourceOptions } from './data-source-options';
import { DatabaseTarget } from './database-target';
import { migrate } from './migrate';
import { guardPoolClientErrors } from './pool-errors';
import { TransactionManager } from './transaction-manager';

@Global()
@Module({
  providers: [
    {
      provide: DatabaseTarget,
      inject: [databaseConfig.KEY, ModuleRef],
      useFactory: (config: DatabaseConfig, moduleRef: ModuleRef) =>
        DatabaseTarget.resolve(config, moduleRef),
    },
  ],
  exports: [DatabaseTarget],
})
class DatabaseTargetModule {}

@Global()
@Module({
  imports: [
    DiscoveryModule,
    DatabaseTargetModule,
    TypeOrmModule.forRootAsync({
      inject: [DatabaseTarget, databaseConfig.KEY],
      useFactory: (database: DatabaseTarget, config: DatabaseConfig) => ({
        ...dataSourceOptions(database.target, config.poolSize),
        autoLoadEntities: true,
        retryAttempts: 2,
        retryDelay: 1000,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        guardPoolClientErrors(dataSource);
        await migrate(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [TransactionManager, TransactionalDispatcher, Outbox],
  exports: [TransactionManager, Outbox, DatabaseTargetModule],
})
export class DatabaseModule {}
