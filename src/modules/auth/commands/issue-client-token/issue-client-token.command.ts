import { Command } from '@nestjs/cqrs';

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export class IssueClientTokenCommand extends Command<IssuedToken> {
  constructor(
    readonly oauthClientId: string,
    readonly secret: string,
  ) {
    super();
  }
}
