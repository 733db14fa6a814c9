import { Module } from '@nestjs/common';
import { CaseViewsController } from './http/case-views.controller';
import { ListCasesHandler } from './queries/list-cases/list-cases.handler';

const controllers = [CaseViewsController];
const queryHandlers = [ListCasesHandler];

/** The case lists. Imported before CasesModule so `/cases/assigned` is not taken for `/cases/:id`. */
@Module({ controllers, providers: [...queryHandlers] })
export class CaseViewsModule {}
