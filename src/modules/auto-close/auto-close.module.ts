import { Module } from '@nestjs/common';
import { SchedulingModule } from '../../shared/scheduling/scheduling.module';
import { AutoCloseConsumer } from './consumer/auto-close.consumer';
import { AutoCloseJob } from './enqueue-auto-close/auto-close.job';
import { EnqueueAutoClose } from './enqueue-auto-close/enqueue-auto-close';
import { AutoCloseController } from './http/auto-close.controller';
import { ListAutoCloseEligibleHandler } from './queries/list-auto-close-eligible/list-auto-close-eligible.handler';

const controllers = [AutoCloseController];
const queryHandlers = [ListAutoCloseEligibleHandler];
const jobs = [AutoCloseJob];
const consumers = [AutoCloseConsumer];

/**
 * Auto-close (SPEC §8): the eligibility list, the job that queues one message per eligible case,
 * and the consumer that completes them through the instances module's Complete command.
 */
@Module({
  imports: [SchedulingModule],
  controllers,
  providers: [EnqueueAutoClose, ...queryHandlers, ...jobs, ...consumers],
})
export class AutoCloseModule {}
