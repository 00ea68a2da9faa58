import { Expose } from 'class-transformer';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { booleanWord, DEVELOPMENT_SECRETS, HttpConfig } from '@oversight/config';
import { DEFAULT_PORT } from '@oversight/contracts';

const local = (port: number) => `http://127.0.0.1:${port}`;
const url = { require_tld: false, protocols: ['http', 'https'] };

/** Where the gateway finds each service (in production: the services' cluster addresses). */
export class GatewayConfig extends HttpConfig {
  /** Base URL of the justice-bureau service. */
  @Expose({ name: 'JUSTICE_BUREAU_URL' })
  @IsOptional()
  @IsUrl(url)
  justiceBureauUrl: string = local(DEFAULT_PORT['justice-bureau']);

  /** Base URL of the tasklist service. */
  @Expose({ name: 'TASKLIST_URL' })
  @IsOptional()
  @IsUrl(url)
  tasklistUrl: string = local(DEFAULT_PORT.tasklist);

  /** Base URL of the liaison service. */
  @Expose({ name: 'LIAISON_URL' })
  @IsOptional()
  @IsUrl(url)
  liaisonUrl: string = local(DEFAULT_PORT.liaison);

  /** Base URL of the procuratorate service. */
  @Expose({ name: 'PROCURATORATE_URL' })
  @IsOptional()
  @IsUrl(url)
  procuratorateUrl: string = local(DEFAULT_PORT.procuratorate);

  /** Base URL of the discipline-commission service. */
  @Expose({ name: 'DISCIPLINE_COMMISSION_URL' })
  @IsOptional()
  @IsUrl(url)
  disciplineCommissionUrl: string = local(DEFAULT_PORT['discipline-commission']);

  /** Base URL of the peoples-congress service. */
  @Expose({ name: 'PEOPLES_CONGRESS_URL' })
  @IsOptional()
  @IsUrl(url)
  peoplesCongressUrl: string = local(DEFAULT_PORT['peoples-congress']);

  /**
   * Folder of the built web console (`vite build` output); the gateway serves it at `/`, every path
   * that is not an API answered with its index.html. Empty: no console.
   */
  @Expose({ name: 'CONSOLE_DIR' })
  @IsOptional()
  @IsString()
  consoleDir: string = 'dist/console';

  /** Secret of the gateway's own HS256 session tokens. Required (32+ characters) in production. */
  @Expose({ name: 'JWT_SECRET' })
  @ValidateIf((c: GatewayConfig) => c.deploymentMode === 'production' || c.jwtSecret !== undefined)
  @IsString()
  @MinLength(32)
  jwtSecret?: string;

  /** Lifetime of a session token (minutes); the console signs in again after it. */
  @Expose({ name: 'JWT_TTL_MINUTES' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  jwtTtlMinutes: number = 60;

  /** Whether the demonstration accounts of docs/security.md may sign in (local demo and tests only). */
  @Expose({ name: 'DEMO_ACCOUNTS' })
  @IsOptional()
  @Transform(booleanWord('DEMO_ACCOUNTS'))
  @IsBoolean()
  demoAccounts: boolean = false;

  /**
   * JSON file of staff accounts (`[{ username, name, org, roles, passwordHash }]`, bcrypt hashes), for a
   * deployment that signs in at the gateway rather than through OIDC.
   */
  @Expose({ name: 'ACCOUNTS_FILE' })
  @IsOptional()
  @IsString()
  accountsFile?: string;

  /** Failed sign-ins in a row after which an account is locked. */
  @Expose({ name: 'LOGIN_MAX_FAILURES' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  loginMaxFailures: number = 5;

  /** How long a locked account stays locked (minutes). */
  @Expose({ name: 'LOGIN_LOCKOUT_MINUTES' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  loginLockoutMinutes: number = 15;

  /** Requests per minute one client address may make to public endpoints and the sign-in. */
  @Expose({ name: 'PUBLIC_RATE_LIMIT_PER_MINUTE' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  publicRateLimitPerMinute: number = 60;

  /** Sign-in attempts per minute one client address may make (any user names). */
  @Expose({ name: 'LOGIN_RATE_LIMIT_PER_MINUTE' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  loginRateLimitPerMinute: number = 20;

  /** Largest request body forwarded (bytes; uploads included). JSON and forms are limited to 1 MB. */
  @Expose({ name: 'MAX_REQUEST_BYTES' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  maxRequestBytes: number = 60 * 1024 * 1024;

  /** OpenID Connect issuer (e.g. https://sso.county.gov.cn/realms/oversight) whose RS256 tokens are accepted. */
  @Expose({ name: 'OIDC_ISSUER' })
  @IsOptional()
  @IsUrl(url)
  oidcIssuer?: string;

  /** The issuer's JWKS address; read from its discovery document when absent. */
  @Expose({ name: 'OIDC_JWKS_URL' })
  @IsOptional()
  @IsUrl(url)
  oidcJwksUrl?: string;

  /** Audience the issuer's tokens must name (the client id), when set. */
  @Expose({ name: 'OIDC_AUDIENCE' })
  @IsOptional()
  @IsString()
  oidcAudience?: string;

  /** Claim holding the user name. */
  @Expose({ name: 'OIDC_USERNAME_CLAIM' })
  @IsOptional()
  @IsString()
  oidcUsernameClaim: string = 'preferred_username';

  /** Claim holding the display name. */
  @Expose({ name: 'OIDC_NAME_CLAIM' })
  @IsOptional()
  @IsString()
  oidcNameClaim: string = 'name';

  /** Claim holding the organisation code (a Keycloak user attribute mapped into the token). */
  @Expose({ name: 'OIDC_ORG_CLAIM' })
  @IsOptional()
  @IsString()
  oidcOrgClaim: string = 'org';

  /** Claim holding the roles (dotted path; Keycloak realm roles: realm_access.roles). */
  @Expose({ name: 'OIDC_ROLES_CLAIM' })
  @IsOptional()
  @IsString()
  oidcRolesClaim: string = 'realm_access.roles';
}

/** Refuses development conveniences in production: demo accounts, built-in secrets. */
export function assertProductionSafe(config: GatewayConfig): void {
  if (config.deploymentMode !== 'production') return;
  if (config.demoAccounts) throw new Error('DEMO_ACCOUNTS must not be enabled in DEPLOYMENT_MODE=production');
  if (!config.jwtSecret) throw new Error('JWT_SECRET is required in DEPLOYMENT_MODE=production');
  if (!config.identitySigningSecret) {
    throw new Error('IDENTITY_SIGNING_SECRET is required in DEPLOYMENT_MODE=production');
  }
}

/** The session-token secret in force: the configured one, or the development secret outside production. */
export function jwtSecretOf(config: GatewayConfig): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.deploymentMode === 'production') throw new Error('JWT_SECRET is required in production');
  return DEVELOPMENT_SECRETS.jwt;
}
