import { Body, Controller, Delete, Get, HttpStatus, Patch, Query } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiRead, ApiWrite } from '../../../shared/http/api-responses';
import {
  ListEnvelope,
  read,
  ReadEnvelope,
  WriteEnvelope,
  written,
} from '../../../shared/http/envelope';
import { DEFAULT_LIMIT } from '../../../shared/http/pagination';
import { UuidParam } from '../../../shared/http/params';
import { CreateCalendarCommand } from '../commands/create-calendar/create-calendar.command';
import { CreateCalendarRequestDto } from '../commands/create-calendar/create-calendar.request.dto';
import { DeleteCalendarCommand } from '../commands/delete-calendar/delete-calendar.command';
import { UpdateCalendarCommand } from '../commands/update-calendar/update-calendar.command';
import { UpdateCalendarRequestDto } from '../commands/update-calendar/update-calendar.request.dto';
import { BusinessTimeQuery } from '../queries/business-time/business-time.query';
import {
  BusinessTimeRequestDto,
  businessTimeQuestion,
} from '../queries/business-time/business-time.request.dto';
import { GetCalendarQuery } from '../queries/get-calendar/get-calendar.query';
import { ListCalendarsQuery } from '../queries/list-calendars/list-calendars.query';
import { ListCalendarsRequestDto } from '../queries/list-calendars/list-calendars.request.dto';
import { BusinessTimeResponseDto } from './business-time.response.dto';
import { CalendarResponseDto } from './calendar.response.dto';

@ApiTags('calendars')
@Controller('api/v1/calendars')
export class CalendarsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequirePermissions(Permission.CASE_DEF_CREATE)
  @ApiWrite('CASE1100', CalendarResponseDto, HttpStatus.CREATED)
  @ApiErrors(ErrorCode.InvalidCalendar)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateCalendarRequestDto,
  ): Promise<WriteEnvelope<CalendarResponseDto>> {
    const id = await this.commands.execute(new CreateCalendarCommand(actor, body));
    return written('CASE1100', await this.queries.execute(new GetCalendarQuery(actor, id)));
  }

  @Get()
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiList(CalendarResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  list(
    @CurrentActor() actor: Actor,
    @Query() q: ListCalendarsRequestDto,
  ): Promise<ListEnvelope<CalendarResponseDto>> {
    return this.queries.execute(new ListCalendarsQuery(actor, q.limit ?? DEFAULT_LIMIT, q.cursor));
  }

  @Get(':id')
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiRead(CalendarResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CalendarNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ReadEnvelope<CalendarResponseDto>> {
    return read(await this.queries.execute(new GetCalendarQuery(actor, id)));
  }

  /** `?from=&addMinutes=` answers `{ at }`; `?from=&to=` answers `{ minutes }`. */
  @Get(':id/business-time')
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiRead(BusinessTimeResponseDto)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.BusinessTimeOutOfRange,
    ErrorCode.CalendarNotFound,
  )
  async businessTime(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() q: BusinessTimeRequestDto,
  ): Promise<ReadEnvelope<BusinessTimeResponseDto>> {
    const question = businessTimeQuestion(q);
    const from = new Date(q.from);
    return read(await this.queries.execute(new BusinessTimeQuery(actor, id, from, question)));
  }

  /** Working hours and holidays given replace the whole set; the result is validated again. */
  @Patch(':id')
  @RequirePermissions(Permission.CASE_DEF_EDIT)
  @ApiWrite('CASE1102', CalendarResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCalendar, ErrorCode.CalendarNotFound)
  async update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateCalendarRequestDto,
  ): Promise<WriteEnvelope<CalendarResponseDto>> {
    await this.commands.execute(new UpdateCalendarCommand(actor, id, body));
    return written('CASE1102', await this.queries.execute(new GetCalendarQuery(actor, id)));
  }

  /** Soft delete; refused while a case type or one of its SLAs names the calendar. */
  @Delete(':id')
  @RequirePermissions(Permission.CASE_DEF_DELETE)
  @ApiWrite('CASE1104', null)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CalendarNotFound, ErrorCode.CalendarInUse)
  async remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.commands.execute(new DeleteCalendarCommand(actor, id));
    return written('CASE1104', { id });
  }
}
