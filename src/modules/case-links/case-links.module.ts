import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity';
import { CaseLinker } from './case-linker';
import { AddCaseLinkHandler } from './commands/add-case-link/add-case-link.handler';
import { RemoveCaseLinkHandler } from './commands/remove-case-link/remove-case-link.handler';
import { CaseLinkRepository } from './domain/case-link.repository';
import { CaseLinksController } from './http/case-links.controller';
import { CaseLinkSqlRepository } from './infrastructure/case-link.sql-repository';
import { GetCaseLinkHandler } from './queries/get-case-link/get-case-link.handler';
import { ListCaseLinksHandler } from './queries/list-case-links/list-case-links.handler';

const controllers = [CaseLinksController];
const commandHandlers = [AddCaseLinkHandler, RemoveCaseLinkHandler];
const queryHandlers = [ListCaseLinksHandler, GetCaseLinkHandler];

/** Parent/child, related and duplicate links between cases (stored once, read from both sides). */
@Module({
  imports: [ActivityModule],
  controllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    { provide: CaseLinkRepository, useClass: CaseLinkSqlRepository },
    CaseLinker,
  ],
  exports: [CaseLinker],
})
export class CaseLinksModule {}
