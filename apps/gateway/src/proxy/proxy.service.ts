import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { identitySecret } from '@oversight/config';
import { signIdentity, SignedIdentity, unavailable } from '@oversight/platform';
import { GatewayConfig } from '../gateway.config';
import type { Upstream } from './routes';

export interface ProxiedResponse {
  status: number;
  contentType: string | null;
  contentDisposition: string | null;
  body: Buffer;
}

// Never a client's x-oversight-* headers nor its token: the gateway signs the identity it verified itself.
const FORWARDED_HEADERS = ['content-type', 'accept', 'accept-language', 'x-request-id'];

export type CircuitState = 'open' | 'half-open' | 'closed';

/** Breaker settings: how many calls before judging, which failure share opens, how long it stays open. */
export interface CircuitOptions {
  volumeThreshold: number;
  errorThresholdPercentage: number;
  resetTimeoutMs: number;
  requestTimeoutMs: number;
}

export const DEFAULT_CIRCUIT: CircuitOptions = {
  volumeThreshold: 5,
  errorThresholdPercentage: 50,
  resetTimeoutMs: 5000,
  requestTimeoutMs: 15000,
};

/** The service a name stands for, as a clerk reads it. */
const SERVICE_ZH: Record<string, string> = {
  'justice-bureau': '司法局业务服务',
  procuratorate: '检察院业务服务',
  'discipline-commission': '纪委监委业务服务',
  'peoples-congress': '人大业务服务',
  tasklist: '待办任务服务',
  liaison: '衔接登记服务',
};

/**
 * Forwards requests to services, one circuit breaker per service. A service that cannot be reached
 * (connection refused, reset, timed out) counts as a failure; answers of any status do not. Once the
 * share of failures passes the threshold the circuit opens and requests to that service get a 503 at
 * once, without a connection attempt; after `resetTimeoutMs` one request is let through (half-open),
 * and its success closes the circuit again.
 */
@Injectable()
export class ProxyService implements OnModuleDestroy {
  private readonly logger = new Logger(ProxyService.name);
  private readonly breakers = new Map<string, CircuitBreaker<[string, RequestInit], ProxiedResponse>>();
  private readonly secret: string;

  constructor(
    config: GatewayConfig,
    private readonly options: CircuitOptions = DEFAULT_CIRCUIT,
  ) {
    this.secret = identitySecret(config);
  }

  private breaker(service: string) {
    let breaker = this.breakers.get(service);
    if (!breaker) {
      const timeoutMs = this.options.requestTimeoutMs;
      breaker = new CircuitBreaker(
        async (url: string, init: RequestInit) => {
          const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
          return {
            status: response.status,
            contentType: response.headers.get('content-type'),
            contentDisposition: response.headers.get('content-disposition'),
            body: Buffer.from(await response.arrayBuffer()),
          };
        },
        {
          timeout: false,
          errorThresholdPercentage: this.options.errorThresholdPercentage,
          volumeThreshold: this.options.volumeThreshold,
          resetTimeout: this.options.resetTimeoutMs,
        },
      );
      breaker.on('open', () => this.logger.warn(`circuit to ${service} opened`));
      breaker.on('halfOpen', () => this.logger.log(`circuit to ${service} half-open: trying one request`));
      breaker.on('close', () => this.logger.log(`circuit to ${service} closed`));
      this.breakers.set(service, breaker);
    }
    return breaker;
  }

  /** The state of the circuit to `service` (closed before its first request). */
  circuit(service: string): CircuitState {
    const b = this.breakers.get(service);
    if (!b) return 'closed';
    return b.opened ? 'open' : b.halfOpen ? 'half-open' : 'closed';
  }

  circuits(): Record<string, CircuitState> {
    return Object.fromEntries([...this.breakers.keys()].map((s) => [s, this.circuit(s)]));
  }

  onModuleDestroy(): void {
    for (const b of this.breakers.values()) b.shutdown();
  }

  async forward(
    upstream: Upstream,
    input: {
      method: string;
      path: string;
      headers: Record<string, string | string[] | undefined>;
      body?: Buffer | string;
      identity?: SignedIdentity | null;
    },
  ): Promise<ProxiedResponse> {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = input.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    if (input.identity) Object.assign(headers, signIdentity(this.secret, input.identity));
    const breaker = this.breaker(upstream.service);
    try {
      return await breaker.fire(`${upstream.url}${input.path}`, {
        method: input.method,
        headers,
        body: input.body && input.body.length > 0 ? new Uint8Array(Buffer.from(input.body)) : undefined,
      });
    } catch (error) {
      const open = breaker.opened;
      if (!open) this.logger.warn(`${upstream.service} unreachable: ${(error as Error).message}`);
      const zh = SERVICE_ZH[upstream.service] ?? upstream.service;
      throw unavailable(
        open
          ? {
              zh: `${zh}暂时不可用（已熔断），请稍后重试。`,
              en: `The ${upstream.service} service is unavailable (circuit open); please retry later.`,
            }
          : {
              zh: `${zh}暂时无法连接，请稍后重试。`,
              en: `The ${upstream.service} service cannot be reached; please retry later.`,
            },
      );
    }
  }
}
