import { Body, Controller, HttpCode, HttpStatus, Req, UseGuards } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { Public } from '../../../shared/auth/auth.decorators';
import { ErrorResponseDto } from '../../../shared/http/error-response.dto';
import {
  IssueClientTokenCommand,
  IssuedToken,
} from '../commands/issue-client-token/issue-client-token.command';
import { IssueClientTokenRequestDto } from '../commands/issue-client-token/issue-client-token.request.dto';
import { TokenResponseDto } from './oauth-client.response.dto';
import { OAuthErrorResponseDto } from './oauth-error.response.dto';
import { OAUTH_REALM, OAUTH_TOKEN_PATH } from './oauth-token.responses';
import { readTokenRequest } from './token-request';

const noStore = {
  'Cache-Control': { schema: { type: 'string', example: 'no-store' } },
  Pragma: { schema: { type: 'string', example: 'no-cache' } },
};

/** RFC 6749 client-credentials token endpoint; its answers are shaped by oauthTokenResponses. */
@ApiTags('auth')
@Controller(OAUTH_TOKEN_PATH.slice(1))
export class OAuthTokenController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: IssueClientTokenRequestDto })
  @ApiHeader({
    name: 'Authorization',
    required: false,
    description:
      'client_secret_basic: `Basic base64(urlencoded(client_id):urlencoded(client_secret))`; or send both in the body.',
  })
  @ApiOkResponse({ type: TokenResponseDto, headers: noStore })
  @ApiBadRequestResponse({
    type: OAuthErrorResponseDto,
    headers: noStore,
    description:
      'invalid_request (CASE4000 bad parameter, CASE4001 malformed JSON, CASE4004 malformed request) · unsupported_grant_type (CASE4006).',
  })
  @ApiUnauthorizedResponse({
    type: OAuthErrorResponseDto,
    headers: {
      ...noStore,
      'WWW-Authenticate': { schema: { type: 'string', example: `Basic realm="${OAUTH_REALM}"` } },
    },
    description: 'invalid_client (CASE4012): missing, unsupported or wrong client credentials.',
  })
  @ApiResponse({ status: 413, type: ErrorResponseDto, description: 'CASE4130: body too large.' })
  @ApiResponse({ status: 415, type: ErrorResponseDto, description: 'CASE4150: media type.' })
  @ApiTooManyRequestsResponse({ description: 'CASE4290: rate limited.', type: ErrorResponseDto })
  @ApiResponse({
    status: 503,
    type: ErrorResponseDto,
    description: 'CASE5030: the service has no JWT_SECRET to sign client tokens with.',
  })
  issue(@Body() body: Record<string, unknown>, @Req() request: Request): Promise<IssuedToken> {
    const { clientId, secret } = readTokenRequest(body, request.headers.authorization);
    return this.commands.execute(new IssueClientTokenCommand(clientId, secret));
  }
}
