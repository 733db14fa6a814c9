import { CaseActionCommand } from '../case-action.command';

export class UnclaimCaseCommand extends CaseActionCommand {}
