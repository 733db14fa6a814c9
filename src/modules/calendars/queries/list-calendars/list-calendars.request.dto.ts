import { PageQueryDto } from '../../../../shared/http/pagination';

export class ListCalendarsRequestDto extends PageQueryDto {}
