import { Definition, DefinitionInput, DefinitionKind, DefinitionProps } from './definition';
import { SolutionNotFoundError } from './definition.errors';
import { ReferenceState, requireUsableParent } from './reference';

export interface ProcessProps extends DefinitionProps {
  solutionId: string;
}

export interface ProcessInput extends DefinitionInput {
  solutionId: string;
}

export class Process extends Definition<ProcessProps> {
  protected get kind(): DefinitionKind {
    return 'process';
  }

  static create(
    clientId: string,
    input: ProcessInput,
    solution: ReferenceState,
    actorId: string,
    now: Date,
  ): Process {
    requireUsableParent(solution, 'solution', () => new SolutionNotFoundError());
    const process = new Process({
      ...Definition.newProps(clientId, input, actorId, now),
      solutionId: input.solutionId,
    });
    process.changed('created', actorId, now);
    return process;
  }

  static restore(props: ProcessProps): Process {
    return new Process({ ...props });
  }
}
