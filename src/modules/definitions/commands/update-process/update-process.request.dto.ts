import { DefinitionChangesRequestDto } from '../definition-changes.request.dto';

export class UpdateProcessRequestDto extends DefinitionChangesRequestDto {}
