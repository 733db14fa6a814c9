// The public face of the cases module: the only file other modules may import.
export { CasesModule } from './cases.module';
export { CaseRepository } from './domain/case.repository';
export { CaseTypeConfigReader } from './domain/case-type-config.reader';
export { VIEW_PERMISSIONS } from './domain/case-visibility';
export { CaseResponseDto } from './http/case.response.dto';
export { GetCaseQuery } from './queries/get-case/get-case.query';
export { ListCasesQuery } from './views/queries/list-cases/list-cases.query';
export type {
  CaseListFilters,
  CaseSort,
  CaseView,
} from './views/queries/list-cases/list-cases.query';
export { ListCasesRequestDto } from './views/queries/list-cases/list-cases.request.dto';
export { CreateCaseCommand } from './commands/create-case/create-case.command';
export { EditCaseCommand } from './commands/edit-case/edit-case.command';
export { OpenCaseCommand } from './commands/open-case/open-case.command';
export { ProcessCaseCommand } from './commands/process-case/process-case.command';
export { RequestCaseInputCommand } from './commands/request-case-input/request-case-input.command';
export { HoldCaseCommand } from './commands/hold-case/hold-case.command';
export { ResolveCaseCommand } from './commands/resolve-case/resolve-case.command';
export { CompleteCaseCommand } from './commands/complete-case/complete-case.command';
export { CancelCaseCommand } from './commands/cancel-case/cancel-case.command';
export { ReopenCaseCommand } from './commands/reopen-case/reopen-case.command';
export { ClaimCaseCommand } from './commands/claim-case/claim-case.command';
export { UnclaimCaseCommand } from './commands/unclaim-case/unclaim-case.command';
export { TransferCaseCommand } from './commands/transfer-case/transfer-case.command';
