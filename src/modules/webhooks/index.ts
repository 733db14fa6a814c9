// The public face of the webhooks module: the only file other modules may import.
export { WebhooksModule } from './webhooks.module';
