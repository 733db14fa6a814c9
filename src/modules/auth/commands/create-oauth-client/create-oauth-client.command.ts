import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { Permission } from '../../../../shared/auth/permission.enum';

export interface CreatedOAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
  permissions: Permission[];
  createdAt: Date;
}

export class CreateOAuthClientCommand extends Command<CreatedOAuthClient> {
  constructor(
    readonly actor: Actor,
    readonly name: string,
    readonly permissions: Permission[],
  ) {
    super();
  }
}
