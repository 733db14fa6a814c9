import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../shared/http/pagination';

export class ListWebhooksRequestDto extends PageQueryDto {}

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export class ListDeliveriesRequestDto extends PageQueryDto {
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: (typeof DELIVERY_STATUSES)[number];
}
