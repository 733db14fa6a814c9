import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../auth/actor';
import { CurrentActor, RequirePermissions } from '../../auth/auth.decorators';
import { Permission } from '../../auth/permission.enum';
import { ErrorCode } from '../../errors/error-codes';
import { ApiErrors, ApiList, ApiWrite } from '../../http/api-responses';
import { ListEnvelope, WriteEnvelope, written } from '../../http/envelope';
import { decodeCursor, DEFAULT_LIMIT, PageQueryDto, toPage } from '../../http/pagination';
import { Clock } from '../../time/clock';
import { NotificationTemplateStore } from './notification-template.store';
import { SaveTemplateRequestDto } from './save-template.request.dto';
import { TemplateResponseDto } from './template.response.dto';

const TEMPLATE_ERRORS = [
  ErrorCode.NotificationKindUnknown,
  ErrorCode.NotificationLocaleInvalid,
] as const;

@ApiTags('notification-templates')
@Controller('api/v1/notification-templates')
@RequirePermissions(Permission.CASE_DEF_EDIT)
export class NotificationTemplatesController {
  constructor(
    private readonly templates: NotificationTemplateStore,
    private readonly clock: Clock,
  ) {}

  /** The built-in templates and the tenant's own, by kind and locale. */
  @Get()
  @ApiList(TemplateResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: PageQueryDto,
  ): Promise<ListEnvelope<TemplateResponseDto>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(q.cursor, ['string', 'string']);
    const all = await this.templates.list(actor.clientId);
    const rest = after
      ? all.filter((t) => `${t.kind} ${t.locale}` > `${String(after[0])} ${String(after[1])}`)
      : all;
    return toPage(rest.slice(0, limit + 1), limit, (t) => [t.kind, t.locale]);
  }

  @Put(':kind/:locale')
  @ApiWrite('CASE1220', TemplateResponseDto)
  @ApiErrors(...TEMPLATE_ERRORS, ErrorCode.NotificationTemplateInvalid)
  async save(
    @CurrentActor() actor: Actor,
    @Param('kind') kind: string,
    @Param('locale') locale: string,
    @Body() body: SaveTemplateRequestDto,
  ): Promise<WriteEnvelope<TemplateResponseDto>> {
    const by = { userId: actor.userId, now: this.clock.now() };
    const { subject, body: text } = body;
    return written(
      'CASE1220',
      await this.templates.save(actor.clientId, kind, locale, { subject, body: text }, by),
    );
  }

  @Delete(':kind/:locale')
  @ApiWrite('CASE1221', null)
  @ApiErrors(...TEMPLATE_ERRORS)
  async reset(
    @CurrentActor() actor: Actor,
    @Param('kind') kind: string,
    @Param('locale') locale: string,
  ): Promise<WriteEnvelope<{ kind: string; locale: string }>> {
    await this.templates.reset(actor.clientId, kind, locale);
    return written('CASE1221', { kind, locale });
  }
}
