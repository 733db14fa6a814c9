import { WebhookResponseDto } from './webhook.response.dto';

export class WebhookWithSecretResponseDto extends WebhookResponseDto {
  /** `whsec_<base64>`: shown on creation and rotation only. */
  secret: string;
}
