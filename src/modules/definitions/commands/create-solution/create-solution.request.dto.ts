import { DefinitionFieldsRequestDto } from '../definition-fields.request.dto';

export class CreateSolutionRequestDto extends DefinitionFieldsRequestDto {}
