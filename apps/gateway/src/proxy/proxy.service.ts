import { Injectable, Logger } from '@nestjs/common';
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

/** Forwards requests to services, one circuit breaker per service: a dead service answers 503 at once. */
@Injectable()
export class ProxyService {
  private readonly logger = new Logger(ProxyService.name);
  private readonly breakers = new Map<string, CircuitBreaker<[string, RequestInit], ProxiedResponse>>();
  private readonly secret: string;

  constructor(config: GatewayConfig) {
    this.secret = identitySecret(config);
  }

  private breaker(service: string) {
    let breaker = this.breakers.get(service);
    if (!breaker) {
      breaker = new CircuitBreaker(
        async (url: string, init: RequestInit) => {
          const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15000) });
          return {
            status: response.status,
            contentType: response.headers.get('content-type'),
            contentDisposition: response.headers.get('content-disposition'),
            body: Buffer.from(await response.arrayBuffer()),
          };
        },
        { timeout: false, errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeout: 5000 },
      );
      breaker.on('open', () => this.logger.warn(`circuit to ${service} opened`));
      breaker.on('close', () => this.logger.log(`circuit to ${service} closed`));
      this.breakers.set(service, breaker);
    }
    return breaker;
  }

  circuits(): Record<string, string> {
    return Object.fromEntries([...this.breakers].map(([s, b]) => [s, b.opened ? 'open' : 'closed']));
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
    try {
      return await this.breaker(upstream.service).fire(`${upstream.url}${input.path}`, {
        method: input.method,
        headers,
        body: input.body && input.body.length > 0 ? new Uint8Array(Buffer.from(input.body)) : undefined,
      });
    } catch (error) {
      this.logger.warn(`${upstream.service} unreachable: ${(error as Error).message}`);
      throw unavailable({
        zh: '服务暂时不可用，请稍后重试。',
        en: `The ${upstream.service} service is unavailable; please retry later.`,
      });
    }
  }
}
