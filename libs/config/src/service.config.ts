import { Expose, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/**
 * Secrets used only outside production (local demo, tests), so that a developer's machine needs no set-up.
 * In DEPLOYMENT_MODE=production every secret must be configured, or the process refuses to start.
 */
export const DEVELOPMENT_SECRETS = {
  identitySigning: 'oversight-development-only-identity-signing-secret',
  jwt: 'oversight-development-only-jwt-secret-not-for-production',
} as const;

export type DeploymentMode = 'development' | 'production';

export const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/**
 * Reads a boolean variable from the raw environment: implicit conversion would turn "false" into
 * true (a non-empty string). Anything but true/false/1/0 stays as is and fails validation.
 */
export const booleanWord =
  (name: string) =>
  ({ obj, value }: { obj: Record<string, unknown>; value: unknown }) => {
    const raw = obj[name];
    if (raw === undefined) return value;
    if (raw === 'true' || raw === '1' || raw === true) return true;
    if (raw === 'false' || raw === '0' || raw === false) return false;
    return raw;
  };

/** What every HTTP process reads: where to listen and how much to log. */
export class HttpConfig {
  /** Address the HTTP server binds to; loopback by default, 0.0.0.0 in containers. */
  @Expose({ name: 'BIND_ADDRESS' })
  @IsOptional()
  @IsString()
  bindAddress: string = '127.0.0.1';

  /** Least severe log level written (Nest's levels, from `error` to `verbose`). */
  @Expose({ name: 'LOG_LEVEL' })
  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** `production` refuses development defaults (demo accounts, built-in secrets); `development` otherwise. */
  @Expose({ name: 'DEPLOYMENT_MODE' })
  @IsOptional()
  @IsIn(['development', 'production'])
  deploymentMode: DeploymentMode = 'development';

  /**
   * Shared secret (HMAC-SHA256) with which the gateway signs the caller identity it forwards to the
   * services, and with which every service checks it. Required (32+ characters) in production.
   */
  @Expose({ name: 'IDENTITY_SIGNING_SECRET' })
  @ValidateIf((c: HttpConfig) => c.deploymentMode === 'production' || c.identitySigningSecret !== undefined)
  @IsString()
  @MinLength(32)
  identitySigningSecret?: string;
}

/** The identity-signing secret in force: the configured one, or the development secret outside production. */
export function identitySecret(config: HttpConfig): string {
  if (config.identitySigningSecret) return config.identitySigningSecret;
  if (config.deploymentMode === 'production')
    throw new Error('IDENTITY_SIGNING_SECRET is required in production');
  return DEVELOPMENT_SECRETS.identitySigning;
}

/**
 * Every variable a back-end service reads. Apps extend it with their own; nothing else reads the
 * environment.
 */
export class ServiceConfig extends HttpConfig {
  /** PostgreSQL connection string; each service uses its own schema inside it. */
  @Expose({ name: 'DATABASE_URL' })
  @IsString()
  @IsNotEmpty()
  databaseUrl!: string;

  /** Comma-separated Kafka bootstrap servers. */
  @Expose({ name: 'KAFKA_BROKERS' })
  @Transform(csv)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  kafkaBrokers!: string[];

  /** Base URL of the workflow engine (its REST API lives under /engine-rest). */
  @Expose({ name: 'ENGINE_URL' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  engineUrl!: string;

  /** Folder of BPMN models, one sub-folder per owning service. */
  @Expose({ name: 'BPMN_DIR' })
  @IsOptional()
  @IsString()
  bpmnDir: string = 'bpmn';

  /** Whether this instance runs the job workers (off for instances that only serve HTTP). */
  @Expose({ name: 'ENGINE_WORKERS' })
  @IsOptional()
  @Transform(booleanWord('ENGINE_WORKERS'))
  @IsBoolean()
  engineWorkers: boolean = true;

  /** Poll interval of the outbox relay when nothing kicks it (ms). */
  @Expose({ name: 'OUTBOX_POLL_MS' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(20)
  @Max(60000)
  outboxPollMs: number = 500;

  /** Hours a published outbox row is kept before it is purged. */
  @Expose({ name: 'OUTBOX_RETENTION_HOURS' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  outboxRetentionHours: number = 168;

  /** Attempts a Kafka event handler gets before its message goes to the dead-letter topic. */
  @Expose({ name: 'CONSUMER_MAX_ATTEMPTS' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  consumerMaxAttempts: number = 3;

  /**
   * Partitions of each topic this service consumes: the unit of parallel event handling (events of one
   * key stay in one partition, in order). Topics with fewer partitions are raised to this at start-up;
   * Kafka cannot lower a topic's partitions.
   */
  @Expose({ name: 'KAFKA_TOPIC_PARTITIONS' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  kafkaTopicPartitions: number = 8;

  /** Partitions this instance works at the same time (each one's events in order). */
  @Expose({ name: 'CONSUMER_CONCURRENCY' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  consumerConcurrency: number = 8;

  /**
   * How long Kafka may hold a fetch until it has CONSUMER_FETCH_MIN_BYTES for this consumer: under load,
   * larger batches (one transaction for several events); when quiet, an event waits at most this long.
   */
  @Expose({ name: 'CONSUMER_FETCH_WAIT_MS' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5000)
  consumerFetchWaitMs: number = 25;

  /** See CONSUMER_FETCH_WAIT_MS (1: answer every fetch as soon as there is anything). */
  @Expose({ name: 'CONSUMER_FETCH_MIN_BYTES' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1048576)
  consumerFetchMinBytes: number = 16384;
}

/** HTTP port variable, named per service so all can run side by side (e.g. JUSTICE_BUREAU_PORT). */
export function portVariable(service: string): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_PORT`;
}

export function readPort(
  service: string,
  fallback: number,
  env: Record<string, string | undefined> = process.env,
): number {
  const raw = env[portVariable(service)] ?? env.PORT;
  const port = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${portVariable(service)} must be a port number, got "${raw}"`);
  }
  return port;
}
