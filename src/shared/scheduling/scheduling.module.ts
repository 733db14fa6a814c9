import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AdvisoryLock } from './advisory-lock';
import { JobScheduler } from './job-scheduler';

/** @nestjs/schedule plus the advisory-locked runner the built-in jobs share. */
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [AdvisoryLock, JobScheduler],
  exports: [JobScheduler, AdvisoryLock],
})
export class SchedulingModule {}
