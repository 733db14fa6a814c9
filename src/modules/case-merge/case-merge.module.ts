import { Module } from '@nestjs/common';
import { CaseLinksModule } from '../case-links';
import { CasesModule } from '../cases';
import { CommentsModule } from '../comments';
import { DocumentsModule } from '../documents';
import { MergeCaseHandler } from './commands/merge-case/merge-case.handler';
import { UnmergeCaseHandler } from './commands/unmerge-case/unmerge-case.handler';
import { CaseMergeRepository } from './domain/case-merge.repository';
import { CaseMergeController } from './http/case-merge.controller';
import { CaseMergeSqlRepository } from './infrastructure/case-merge.sql-repository';

const controllers = [CaseMergeController];
const commandHandlers = [MergeCaseHandler, UnmergeCaseHandler];

/** Merging a case into another (its content moves, it is canceled) and undoing that for 30 days. */
@Module({
  imports: [CasesModule, CommentsModule, DocumentsModule, CaseLinksModule],
  controllers,
  providers: [
    ...commandHandlers,
    { provide: CaseMergeRepository, useClass: CaseMergeSqlRepository },
  ],
})
export class CaseMergeModule {}
