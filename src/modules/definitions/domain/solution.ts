import { Definition, DefinitionInput, DefinitionKind, DefinitionProps } from './definition';

export type SolutionProps = DefinitionProps;

export class Solution extends Definition<SolutionProps> {
  protected get kind(): DefinitionKind {
    return 'solution';
  }

  static create(clientId: string, input: DefinitionInput, actorId: string, now: Date): Solution {
    const solution = new Solution(Definition.newProps(clientId, input, actorId, now));
    solution.changed('created', actorId, now);
    return solution;
  }

  static restore(props: SolutionProps): Solution {
    return new Solution({ ...props });
  }
}
