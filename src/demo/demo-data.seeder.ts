import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { appConfig, AppConfig } from '../config/configuration';
import {
  CreateCaseTypeCommand,
  CreateProcessCommand,
  CreateSolutionCommand,
} from '../modules/definitions';
import { CreatePriorityCommand } from '../modules/priorities';
import { Actor } from '../shared/auth/actor';
import { DatabaseTarget } from '../shared/database/database-target';
import { TransactionManager } from '../shared/database/transaction-manager';
import {
  DEMO_CASE_TYPE,
  DEMO_PRIORITIES,
  DEMO_PROCESS,
  DEMO_SOLUTION,
  DEMO_TENANT,
} from './demo-data';

/** Arbitrary constant: replicas seeding the same tenant at once take turns. */
const SEED_LOCK = 7_310_422;

/** On the embedded default, gives a first start something to look at (DEMO_DATA). */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly tx: TransactionManager,
    private readonly database: DatabaseTarget,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData || !this.database.isEmbedded) return;
    if (await this.seed(DEMO_TENANT))
      this.logger.log(`demo data created for tenant '${DEMO_TENANT}'`);
  }

  /**
   * Creates the demo priorities and definitions in `tenant` unless it has solutions already
   * (deleted ones count, so a demo the user removed does not come back). All or nothing.
   */
  seed(tenant: string): Promise<boolean> {
    const actor = Actor.system(tenant);
    return this.tx.run(async () => {
      await this.tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SEED_LOCK, tenant]);
      const existing = await this.tx.query('SELECT 1 FROM solutions WHERE client_id = $1 LIMIT 1', [
        tenant,
      ]);
      if (existing.length > 0) return false;
      const priorityIds: Record<string, string> = {};
      for (const priority of DEMO_PRIORITIES) {
        priorityIds[priority.code] = await this.commands.execute(
          new CreatePriorityCommand(actor, priority),
        );
      }
      const solutionId = await this.commands.execute(
        new CreateSolutionCommand(actor, DEMO_SOLUTION),
      );
      const processId = await this.commands.execute(
        new CreateProcessCommand(actor, { ...DEMO_PROCESS, solutionId }),
      );
      await this.commands.execute(
        new CreateCaseTypeCommand(actor, DEMO_CASE_TYPE(processId, priorityIds)),
      );
      return true;
    });
  }
}
