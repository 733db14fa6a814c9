import { PartialType } from '@nestjs/swagger';
import { CreatePriorityRequestDto } from '../create-priority/create-priority.request.dto';

export class UpdatePriorityRequestDto extends PartialType(CreatePriorityRequestDto) {}
