import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars';
import { DefinitionsModule } from '../definitions';
import { CancelCaseHandler } from './commands/cancel-case/cancel-case.handler';
import { ClaimCaseHandler } from './commands/claim-case/claim-case.handler';
import { CompleteCaseHandler } from './commands/complete-case/complete-case.handler';
import { CreateCaseHandler } from './commands/create-case/create-case.handler';
import { EditCaseHandler } from './commands/edit-case/edit-case.handler';
import { HoldCaseHandler } from './commands/hold-case/hold-case.handler';
import { OpenCaseHandler } from './commands/open-case/open-case.handler';
import { ProcessCaseHandler } from './commands/process-case/process-case.handler';
import { ReopenCaseHandler } from './commands/reopen-case/reopen-case.handler';
import { RequestCaseInputHandler } from './commands/request-case-input/request-case-input.handler';
import { ResolveCaseHandler } from './commands/resolve-case/resolve-case.handler';
import { TransferCaseHandler } from './commands/transfer-case/transfer-case.handler';
import { UnclaimCaseHandler } from './commands/unclaim-case/unclaim-case.handler';
import { CaseRepository } from './domain/case.repository';
import { CaseTypeConfigReader } from './domain/case-type-config.reader';
import { CaseActionsController } from './http/case-actions.controller';
import { CaseAnswers } from './http/case-answers';
import { CaseClaimsController } from './http/case-claims.controller';
import { CasesController } from './http/cases.controller';
import { CaseTypeConfigSqlReader } from './infrastructure/case-type-config-reader.sql';
import { CaseSqlRepository } from './infrastructure/case.sql-repository';
import { GetCaseHandler } from './queries/get-case/get-case.handler';
import { CaseViewsController } from './views/http/case-views.controller';
import { ListCasesHandler } from './views/queries/list-cases/list-cases.handler';

const controllers = [
  CaseViewsController,
  CasesController,
  CaseActionsController,
  CaseClaimsController,
];
const commandHandlers = [
  CreateCaseHandler,
  EditCaseHandler,
  OpenCaseHandler,
  ProcessCaseHandler,
  RequestCaseInputHandler,
  HoldCaseHandler,
  ResolveCaseHandler,
  CompleteCaseHandler,
  CancelCaseHandler,
  ReopenCaseHandler,
  ClaimCaseHandler,
  UnclaimCaseHandler,
  TransferCaseHandler,
];
const queryHandlers = [GetCaseHandler, ListCasesHandler];

/** The case aggregate, its commands, the case and its lists (views/). */
@Module({
  imports: [DefinitionsModule, CalendarsModule],
  controllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    { provide: CaseRepository, useClass: CaseSqlRepository },
    { provide: CaseTypeConfigReader, useClass: CaseTypeConfigSqlReader },
    CaseAnswers,
  ],
  exports: [CaseRepository, CaseAnswers],
})
export class CasesModule {}
