import { CaseActionCommand } from '../case-action.command';

export class RequestCaseInputCommand extends CaseActionCommand {}
