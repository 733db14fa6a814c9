// The built outbox relay (dist/) in a process of its own, with one subscriber whose effect is a
// row per event: an idempotent write (ON CONFLICT on the event id) that also counts deliveries.
// Prints "ready" once its relay runs; faults-outbox-kill.e2e-spec.ts SIGKILLs it. With
// HANG_AFTER_EFFECTS=n, the handler stops for good right after its n-th effect, in the middle of
// its batch (claimed, partly applied, never acknowledged): the kill lands mid-batch every time.
require('reflect-metadata');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { Module } = require('@nestjs/common');
const { ConfigModule } = require('@nestjs/config');
const { NestFactory } = require('@nestjs/core');
const { CqrsModule } = require('@nestjs/cqrs');

const dist = join(__dirname, '..', '..', '..', 'dist');
const { allConfig } = require(join(dist, 'config', 'configuration'));
const { validateEnv } = require(join(dist, 'config', 'env.validation'));
const { DatabaseModule } = require(join(dist, 'shared', 'database', 'database.module'));
const { TransactionManager } = require(join(dist, 'shared', 'database', 'transaction-manager'));
const { OutboxModule } = require(join(dist, 'shared', 'outbox', 'outbox.module'));
const { OutboxSubscriber } = require(join(dist, 'shared', 'outbox', 'outbox-subscriber'));
const { ClockModule } = require(join(dist, 'shared', 'time', 'clock.module'));

const hangAfter = Number(process.env.HANG_AFTER_EFFECTS ?? 0);

class EffectSubscriber extends OutboxSubscriber {
  constructor(tx) {
    super();
    this.tx = tx;
    this.name = 'effects';
    this.handled = 0;
  }

  async handle(event) {
    await sleep(2);
    await this.tx.query(
      `INSERT INTO relay_proof_effects (event_id, aggregate_id, seq) VALUES ($1, $2, $3)
       ON CONFLICT (event_id) DO UPDATE SET deliveries = relay_proof_effects.deliveries + 1`,
      [event.id, event.aggregateId, event.sequence],
    );
    this.handled += 1;
    if (this.handled === hangAfter) await new Promise(() => undefined);
  }
}

class WorkerModule {}
Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: allConfig, validate: validateEnv }),
    CqrsModule.forRoot(),
    ClockModule,
    DatabaseModule,
    OutboxModule,
  ],
  providers: [
    {
      provide: EffectSubscriber,
      inject: [TransactionManager],
      useFactory: (tx) => new EffectSubscriber(tx),
    },
  ],
})(WorkerModule);

NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] }).then(
  () => process.stdout.write('ready\n'),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
