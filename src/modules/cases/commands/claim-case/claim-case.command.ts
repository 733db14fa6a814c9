import { CaseActionCommand } from '../case-action.command';

export class ClaimCaseCommand extends CaseActionCommand {}
