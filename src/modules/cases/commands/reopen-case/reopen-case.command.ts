import { CaseActionCommand } from '../case-action.command';

export class ReopenCaseCommand extends CaseActionCommand {}
