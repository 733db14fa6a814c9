import { WebhookResponseDto } from './webhook.response.dto';

export class WebhookUpdatedResponseDto extends WebhookResponseDto {
  /** The new `whsec_<base64>` secret, only when `rotateSecret` was asked for (shown once). */
  secret?: string;
}
