import { Module } from '@nestjs/common';
import { CaseStatusLabels } from './case-status-labels';
import { CaseTypeCatalog } from './case-type-catalog';
import { CreateCaseTypeHandler } from './commands/create-case-type/create-case-type.handler';
import { CreateProcessHandler } from './commands/create-process/create-process.handler';
import { CreateSolutionHandler } from './commands/create-solution/create-solution.handler';
import { DeleteCaseTypeHandler } from './commands/delete-case-type/delete-case-type.handler';
import { DeleteProcessHandler } from './commands/delete-process/delete-process.handler';
import { DeleteSolutionHandler } from './commands/delete-solution/delete-solution.handler';
import { RelabelCaseStatusHandler } from './commands/relabel-case-status/relabel-case-status.handler';
import { RemoveCaseTypeFileHandler } from './commands/remove-case-type-file/remove-case-type-file.handler';
import { UpdateCaseTypeHandler } from './commands/update-case-type/update-case-type.handler';
import { UpdateProcessHandler } from './commands/update-process/update-process.handler';
import { UpdateSolutionHandler } from './commands/update-solution/update-solution.handler';
import { UploadCaseTypeFileHandler } from './commands/upload-case-type-file/upload-case-type-file.handler';
import { CaseStatusLabelRepository } from './domain/case-status-label.repository';
import { CaseTypeFileRepository } from './domain/case-type-file.repository';
import { CaseTypeRepository } from './domain/case-type.repository';
import { DefinitionReferences } from './domain/definition-references';
import { ProcessRepository } from './domain/process.repository';
import { SolutionRepository } from './domain/solution.repository';
import { CaseStatusesController } from './http/case-statuses.controller';
import { CaseTypeFilesController } from './http/case-type-files.controller';
import { CaseTypesController } from './http/case-types.controller';
import { ProcessesController } from './http/processes.controller';
import { SolutionsController } from './http/solutions.controller';
import { CaseStatusLabelSqlRepository } from './infrastructure/case-status-label.sql-repository';
import { SqlCaseStatusLabels } from './infrastructure/case-status-labels.sql';
import { SqlCaseTypeCatalog } from './infrastructure/case-type-catalog.sql';
import { CaseTypeFileSqlRepository } from './infrastructure/case-type-file.sql-repository';
import { CaseTypeSqlRepository } from './infrastructure/case-type.sql-repository';
import { SqlDefinitionReferences } from './infrastructure/definition-references.sql';
import { ProcessSqlRepository } from './infrastructure/process.sql-repository';
import { SolutionSqlRepository } from './infrastructure/solution.sql-repository';
import { GetCaseTypeFileContentHandler } from './queries/get-case-type-file-content/get-case-type-file-content.handler';
import { GetCaseTypeHandler } from './queries/get-case-type/get-case-type.handler';
import { GetProcessHandler } from './queries/get-process/get-process.handler';
import { GetSolutionHandler } from './queries/get-solution/get-solution.handler';
import { ListCaseStatusesHandler } from './queries/list-case-statuses/list-case-statuses.handler';
import { ListCaseTypeFilesHandler } from './queries/list-case-type-files/list-case-type-files.handler';
import { ListCaseTypesHandler } from './queries/list-case-types/list-case-types.handler';
import { ListProcessesHandler } from './queries/list-processes/list-processes.handler';
import { ListSolutionsHandler } from './queries/list-solutions/list-solutions.handler';

const controllers = [
  SolutionsController,
  ProcessesController,
  CaseTypesController,
  CaseTypeFilesController,
  CaseStatusesController,
];
const commandHandlers = [
  CreateSolutionHandler,
  UpdateSolutionHandler,
  DeleteSolutionHandler,
  CreateProcessHandler,
  UpdateProcessHandler,
  DeleteProcessHandler,
  CreateCaseTypeHandler,
  UpdateCaseTypeHandler,
  DeleteCaseTypeHandler,
  UploadCaseTypeFileHandler,
  RemoveCaseTypeFileHandler,
  RelabelCaseStatusHandler,
];
const queryHandlers = [
  ListSolutionsHandler,
  GetSolutionHandler,
  ListProcessesHandler,
  GetProcessHandler,
  ListCaseTypesHandler,
  GetCaseTypeHandler,
  ListCaseTypeFilesHandler,
  GetCaseTypeFileContentHandler,
  ListCaseStatusesHandler,
];
const repositories = [
  { provide: SolutionRepository, useClass: SolutionSqlRepository },
  { provide: ProcessRepository, useClass: ProcessSqlRepository },
  { provide: CaseTypeRepository, useClass: CaseTypeSqlRepository },
  { provide: CaseTypeFileRepository, useClass: CaseTypeFileSqlRepository },
  { provide: CaseStatusLabelRepository, useClass: CaseStatusLabelSqlRepository },
  { provide: DefinitionReferences, useClass: SqlDefinitionReferences },
];
const ports = [
  { provide: CaseTypeCatalog, useClass: SqlCaseTypeCatalog },
  { provide: CaseStatusLabels, useClass: SqlCaseStatusLabels },
];

@Module({
  controllers,
  providers: [...commandHandlers, ...queryHandlers, ...repositories, ...ports],
  exports: [CaseTypeCatalog, CaseStatusLabels],
})
export class DefinitionsModule {}
