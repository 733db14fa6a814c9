import { ICommand } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { Permission } from '../../../../shared/auth/permission.enum';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { ErrorDetail } from '../../../../shared/errors/domain-error';
import { SuccessCode } from '../../../../shared/http/success-codes';
import { CancelCaseCommand } from '../../../cases';
import { CompleteCaseCommand } from '../../../cases';
import { EditCaseCommand } from '../../../cases';
import { HoldCaseCommand } from '../../../cases';
import { OpenCaseCommand } from '../../../cases';
import { ProcessCaseCommand } from '../../../cases';
import { ReopenCaseCommand } from '../../../cases';
import { RequestCaseInputCommand } from '../../../cases';
import { ResolveCaseCommand } from '../../../cases';
import { AddTagsCommand } from '../../../comments';
import { BulkParamsRequestDto } from './bulk-params.request.dto';

export const BULK_ACTIONS = [
  'assign',
  'priority',
  'tag',
  'open',
  'process',
  'request-input',
  'hold',
  'resolve',
  'complete',
  'cancel',
  'reopen',
] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

type Param = keyof BulkParamsRequestDto;
type Build = (actor: Actor, ref: CaseRef, p: BulkParamsRequestDto) => ICommand;

interface BulkActionSpec {
  /** The permission of the single-case route, needed besides CASE_BULK. */
  permission: Permission;
  /** The single-case route's success code, answered per case. */
  code: SuccessCode;
  params: Param[];
  required: Param[];
  build: Build;
}

const lifecycle = (
  permission: Permission,
  code: SuccessCode,
  build: Build,
  extra: Param[] = [],
  required: Param[] = [],
): BulkActionSpec => ({ permission, code, params: ['comment', ...extra], required, build });

/** Each action dispatches the case module's own command, so each case is its own transaction. */
export const BULK_ACTION_SPECS: Record<BulkAction, BulkActionSpec> = {
  assign: {
    permission: Permission.CASE_EDIT,
    code: 'CASE0602',
    params: ['assignedToUsers', 'assignedToGroups'],
    required: [],
    build: (actor, ref, { assignedToUsers, assignedToGroups }) =>
      new EditCaseCommand(actor, ref, {
        ...(assignedToUsers && { assignedToUsers }),
        ...(assignedToGroups && { assignedToGroups }),
      }),
  },
  priority: {
    permission: Permission.CASE_EDIT,
    code: 'CASE0602',
    params: ['priorityId'],
    required: ['priorityId'],
    build: (actor, ref, p) => new EditCaseCommand(actor, ref, { priorityId: p.priorityId }),
  },
  tag: {
    permission: Permission.CASE_EDIT,
    code: 'CASE0636',
    params: ['tags'],
    required: ['tags'],
    build: (actor, ref, p) => new AddTagsCommand(actor, ref, p.tags ?? []),
  },
  open: lifecycle(
    Permission.CASE_OPEN,
    'CASE0612',
    (a, r, p) => new OpenCaseCommand(a, r, { comment: p.comment }),
  ),
  process: lifecycle(
    Permission.CASE_PROCESS,
    'CASE0615',
    (a, r, p) => new ProcessCaseCommand(a, r, { comment: p.comment }),
  ),
  'request-input': lifecycle(
    Permission.CASE_INPUT,
    'CASE0617',
    (a, r, p) => new RequestCaseInputCommand(a, r, { comment: p.comment }),
  ),
  hold: lifecycle(
    Permission.CASE_HOLD,
    'CASE0627',
    (a, r, p) => new HoldCaseCommand(a, r, p.reason, { comment: p.comment }),
    ['reason'],
  ),
  resolve: lifecycle(
    Permission.CASE_RESOLVE,
    'CASE0619',
    (a, r, p) => new ResolveCaseCommand(a, r, p.resolution ?? '', { comment: p.comment }),
    ['resolution'],
    ['resolution'],
  ),
  complete: lifecycle(
    Permission.CASE_COMPLETE,
    'CASE0621',
    (a, r, p) => new CompleteCaseCommand(a, r, { comment: p.comment }),
  ),
  cancel: lifecycle(
    Permission.CASE_CANCEL,
    'CASE0629',
    (a, r, p) => new CancelCaseCommand(a, r, p.reason, { comment: p.comment }),
    ['reason'],
  ),
  reopen: lifecycle(
    Permission.CASE_REOPEN,
    'CASE0631',
    (a, r, p) => new ReopenCaseCommand(a, r, { comment: p.comment }),
  ),
};

/** The fields given that the action does not take, and the ones it needs but did not get. */
export function paramProblems(action: BulkAction, params: BulkParamsRequestDto): ErrorDetail[] {
  const spec = BULK_ACTION_SPECS[action];
  const given = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k as Param);
  const unused = given
    .filter((k) => !spec.params.includes(k))
    .map((k) => ({ field: `params.${k}`, message: `${k} is not a parameter of ${action}` }));
  const missing = spec.required
    .filter((k) => !given.includes(k))
    .map((k) => ({ field: `params.${k}`, message: `${k} is required for ${action}` }));
  const empty =
    action === 'assign' && given.length === 0
      ? [{ field: 'params', message: 'assign needs assignedToUsers or assignedToGroups' }]
      : [];
  return [...unused, ...missing, ...empty];
}
