// The public face of the auth module: the only file other modules may import.
export { AuthModule } from './auth.module';
export { OAUTH_TOKEN_PATH, oauthTokenResponses } from './http/oauth-token.responses';
