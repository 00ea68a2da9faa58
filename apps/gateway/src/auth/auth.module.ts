import { DynamicModule, Module } from '@nestjs/common';
import { GatewayConfig } from '../gateway.config';
import { AuthService, OIDC_VERIFIER } from './auth.service';
import { BearerResolver } from './bearer.resolver';
import { OidcVerifier } from './oidc';
import { LOGIN_RATE_LIMITER, RateLimiter } from './rate-limiter';

/** Sign-in, token checks and the public rate limit: one instance for the guard and the controllers. */
@Module({})
export class AuthModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const oidc = config.oidcIssuer
      ? new OidcVerifier({
          issuer: config.oidcIssuer,
          jwksUrl: config.oidcJwksUrl,
          audience: config.oidcAudience,
          usernameClaim: config.oidcUsernameClaim,
          nameClaim: config.oidcNameClaim,
          orgClaim: config.oidcOrgClaim,
          rolesClaim: config.oidcRolesClaim,
        })
      : null;
    const providers = [
      { provide: GatewayConfig, useValue: config },
      { provide: OIDC_VERIFIER, useValue: oidc },
      { provide: RateLimiter, useValue: new RateLimiter(config.publicRateLimitPerMinute) },
      { provide: LOGIN_RATE_LIMITER, useValue: new RateLimiter(config.loginRateLimitPerMinute) },
      AuthService,
      BearerResolver,
    ];
    return { module: AuthModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
