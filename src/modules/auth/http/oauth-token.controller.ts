import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConsumes,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../../../shared/auth/auth.decorators';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors } from '../../../shared/http/api-responses';
import { ErrorResponseDto } from '../../../shared/http/error-response.dto';
import {
  IssueClientTokenCommand,
  IssuedToken,
} from '../commands/issue-client-token/issue-client-token.command';
import { IssueClientTokenRequestDto } from '../commands/issue-client-token/issue-client-token.request.dto';
import { TokenResponseDto } from './oauth-client.response.dto';

@ApiTags('auth')
@Controller('api/v1/oauth/token')
export class OAuthTokenController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({
    description: 'CASE4012: invalid client credentials.',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({ description: 'CASE4290: rate limited.', type: ErrorResponseDto })
  @ApiErrors(ErrorCode.InvalidGrant)
  issue(@Body() body: IssueClientTokenRequestDto): Promise<IssuedToken> {
    if (body.grant_type !== 'client_credentials') throw new DomainError(ErrorCode.InvalidGrant);
    return this.commands.execute(new IssueClientTokenCommand(body.client_id, body.client_secret));
  }
}
