import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';

export class RevokeOAuthClientCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly oauthClientId: string,
  ) {
    super();
  }
}
