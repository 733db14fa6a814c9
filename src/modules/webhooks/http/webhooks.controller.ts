import { Body, Controller, Delete, Get, HttpStatus, Patch, Query } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
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
import { CreateWebhookRequestDto, UpdateWebhookRequestDto } from '../commands/webhook.request.dto';
import { WebhookSubscriptions } from '../commands/webhook-subscriptions';
import { WebhookQueries } from '../queries/webhook-queries';
import { ListDeliveriesRequestDto, ListWebhooksRequestDto } from './list-webhooks.request.dto';
import { WebhookDeliveryResponseDto } from './webhook-delivery.response.dto';
import { WebhookUpdatedResponseDto } from './webhook-updated.response.dto';
import { WebhookWithSecretResponseDto } from './webhook-with-secret.response.dto';
import { WebhookResponseDto } from './webhook.response.dto';

const WRITE_ERRORS = [
  ErrorCode.WebhookUrlRefused,
  ErrorCode.WebhookSecretInvalid,
  ErrorCode.WebhookEventFilterInvalid,
];

@ApiTags('webhooks')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly queries: WebhookQueries,
  ) {}

  @Post()
  @RequirePermissions(Permission.CASE_WEBHOOK_MANAGE)
  @ApiWrite('CASE1300', WebhookWithSecretResponseDto, HttpStatus.CREATED)
  @ApiErrors(...WRITE_ERRORS)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateWebhookRequestDto,
  ): Promise<WriteEnvelope<WebhookWithSecretResponseDto>> {
    const { id, secret } = await this.subscriptions.create(actor, body);
    return written('CASE1300', { ...(await this.queries.get(actor, id)), secret });
  }

  @Get()
  @RequirePermissions(Permission.CASE_WEBHOOK_MANAGE)
  @ApiList(WebhookResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  list(
    @CurrentActor() actor: Actor,
    @Query() q: ListWebhooksRequestDto,
  ): Promise<ListEnvelope<WebhookResponseDto>> {
    return this.queries.list(actor, q.limit ?? DEFAULT_LIMIT, q.cursor);
  }

  @Get(':id')
  @RequirePermissions(Permission.CASE_WEBHOOK_MANAGE)
  @ApiRead(WebhookResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.WebhookNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ReadEnvelope<WebhookResponseDto>> {
    return read(await this.queries.get(actor, id));
  }

  /** `rotateSecret: true` answers the new secret (once); the old one still signs for 24 h. */
  @Patch(':id')
  @RequirePermissions(Permission.CASE_WEBHOOK_MANAGE)
  @ApiWrite('CASE1302', WebhookUpdatedResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.WebhookNotFound, ...WRITE_ERRORS)
  async update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateWebhookRequestDto,
  ): Promise<WriteEnvelope<WebhookUpdatedResponseDto>> {
    const { secret } = await this.subscriptions.update(actor, id, body);
    const webhook = await this.queries.get(actor, id);
    return written('CASE1302', secret ? { ...webhook, secret } : webhook);
  }

  @Delete(':id')
  @RequirePermissions(Permission.CASE_WEBHOOK_MANAGE)
  @ApiWrite('CASE1304', null)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.WebhookNotFound)
  async remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.subscriptions.remove(actor, id);
    return written('CASE1304', { id });
  }

  @Get(':id/deliveries')
  @RequirePermissions(Permission.CASE_WEBHOOK_MANAGE)
  @ApiList(WebhookDeliveryResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCursor, ErrorCode.WebhookNotFound)
  deliveries(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() q: ListDeliveriesRequestDto,
  ): Promise<ListEnvelope<WebhookDeliveryResponseDto>> {
    return this.queries.deliveries(actor, id, q.status, q.limit ?? DEFAULT_LIMIT, q.cursor);
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @RequirePermissions(Permission.CASE_WEBHOOK_MANAGE)
  @ApiWrite('CASE1306', WebhookDeliveryResponseDto)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.WebhookNotFound,
    ErrorCode.WebhookDeliveryNotFound,
  )
  async retry(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('deliveryId') deliveryId: string,
  ): Promise<WriteEnvelope<WebhookDeliveryResponseDto>> {
    await this.subscriptions.retry(actor, id, deliveryId);
    return written('CASE1306', await this.queries.delivery(actor, id, deliveryId));
  }

  /** Queues a `webhook.ping` event to this endpoint alone (sent while the endpoint is active). */
  @Post(':id/ping')
  @RequirePermissions(Permission.CASE_WEBHOOK_MANAGE)
  @ApiWrite('CASE1308', WebhookDeliveryResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.WebhookNotFound)
  async ping(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WriteEnvelope<WebhookDeliveryResponseDto>> {
    const deliveryId = await this.subscriptions.ping(actor, id);
    return written('CASE1308', await this.queries.delivery(actor, id, deliveryId));
  }
}
