import { CaseTypeConfig, CaseTypeConfigInput } from './case-type-config';
import { Definition, DefinitionInput, DefinitionKind, DefinitionProps } from './definition';
import { ProcessNotFoundError } from './definition.errors';
import { ReferenceState, requireUsableParent } from './reference';

export interface CaseTypeProps extends DefinitionProps {
  processId: string;
  config: CaseTypeConfig;
}

export interface CaseTypeInput extends DefinitionInput, CaseTypeConfigInput {
  processId: string;
}

export type CaseTypeChanges = Partial<DefinitionInput> & CaseTypeConfigInput;

const CONFIG_FIELDS = [
  'calendarId',
  'autoCloseHours',
  'dueDate',
  'slas',
  'milestones',
  'defaultPriorityId',
  'defaultAssignedToGroups',
  'assignment',
  'fields',
] as const;

function configPart(input: CaseTypeConfigInput): CaseTypeConfigInput {
  return Object.fromEntries(CONFIG_FIELDS.map((field) => [field, input[field]]));
}

export class CaseType extends Definition<CaseTypeProps> {
  protected get kind(): DefinitionKind {
    return 'case-type';
  }

  static create(
    clientId: string,
    input: CaseTypeInput,
    process: ReferenceState,
    actorId: string,
    now: Date,
  ): CaseType {
    requireUsableParent(process, 'process', () => new ProcessNotFoundError());
    const caseType = new CaseType({
      ...Definition.newProps(clientId, input, actorId, now),
      processId: input.processId,
      config: CaseTypeConfig.create(configPart(input)),
    });
    caseType.changed('created', actorId, now);
    return caseType;
  }

  static restore(props: CaseTypeProps): CaseType {
    return new CaseType({ ...props });
  }

  get config(): CaseTypeConfig {
    return this.props.config;
  }

  /** Renames and reconfigures; the whole configuration is validated again. */
  override update(changes: CaseTypeChanges, actorId: string, now: Date): void {
    const config = this.props.config.change(configPart(changes));
    this.applyChanges(changes, now);
    this.props = { ...this.props, config };
    this.changed('updated', actorId, now);
  }

  /** Whether the changes touch a priority reference (those are then checked again). */
  static touchesPriorities(changes: CaseTypeChanges): boolean {
    return changes.defaultPriorityId !== undefined || changes.slas !== undefined;
  }

  /** Whether the changes touch a calendar reference (those are then checked again). */
  static touchesCalendars(changes: CaseTypeChanges): boolean {
    return changes.calendarId !== undefined || changes.slas !== undefined;
  }
}
