import { DefinitionChangesRequestDto } from '../definition-changes.request.dto';

export class UpdateSolutionRequestDto extends DefinitionChangesRequestDto {}
