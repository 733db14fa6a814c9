import { CaseActionCommand } from '../case-action.command';

export class OpenCaseCommand extends CaseActionCommand {}
