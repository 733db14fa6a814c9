import { Injectable } from '@nestjs/common';
import { CommandBus, ICommand, QueryBus } from '@nestjs/cqrs';
import { Actor } from '../../../shared/auth/actor';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { WriteEnvelope, written } from '../../../shared/http/envelope';
import { SuccessCode } from '../../../shared/http/success-codes';
import { GetCaseQuery } from '../queries/get-case/get-case.query';
import { CaseResponseDto } from './case.response.dto';

/**
 * How a case command answers: it runs, and the case it wrote (its id is the command's result) is
 * read in the command's own transaction, right behind its writes. On PostgreSQL the read then
 * shares the COMMIT's round trip and connection (TransactionManager.runThenRead).
 */
@Injectable()
export class CaseAnswers {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly tx: TransactionManager,
  ) {}

  async after(
    code: SuccessCode,
    actor: Actor,
    command: ICommand,
  ): Promise<WriteEnvelope<CaseResponseDto>> {
    const view = await this.tx.runThenRead(
      () => this.commands.execute<ICommand, string>(command),
      (id) =>
        this.queries.execute<GetCaseQuery, CaseResponseDto>(new GetCaseQuery(actor, { id }, true)),
    );
    return written(code, view);
  }
}
