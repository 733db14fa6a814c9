import { CaseActionCommand } from '../case-action.command';

export class ProcessCaseCommand extends CaseActionCommand {}
