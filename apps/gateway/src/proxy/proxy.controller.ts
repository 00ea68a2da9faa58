import { All, Controller, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiError, Caller, CallerInfo, payloadTooLarge, Public, unauthorized } from '@oversight/platform';
import { RateLimiter } from '../auth/rate-limiter';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_ROUTES } from './proxy.tokens';
import { ProxyService } from './proxy.service';
import { isPublicPath, routeTable, upstreamFor } from './routes';

/** The single HTTP entry for the console and the public: each path prefix goes to the owning service. */
@ApiExcludeController()
@Controller()
export class ProxyController {
  constructor(
    private readonly proxy: ProxyService,
    @Inject(GATEWAY_ROUTES) private readonly routes: ReturnType<typeof routeTable>,
    private readonly limiter: RateLimiter,
    private readonly config: GatewayConfig,
  ) {}

  /**
   * Open at the gateway's guard: this handler decides itself. Public paths are rate-limited per client and
   * forwarded without identity; every other path needs a valid bearer token, and the services receive the
   * caller as signed identity headers (they check roles and organisations themselves).
   */
  @All(['api/*path', 'open311/*path', 'public/*path'])
  @Public()
  async forward(@Req() req: Request, @Res() res: Response, @Caller() caller: CallerInfo): Promise<void> {
    const open = isPublicPath(req.path, req.method);
    if (open) this.limiter.take(`public:${req.ip}`);
    else if (!caller.user || !caller.org) throw unauthorized();
    const upstream = upstreamFor(this.routes, req.path);
    if (!upstream) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', {
        zh: `没有这个接口：${req.path}`,
        en: `No such API: ${req.path}`,
      });
    }
    // The body parsers have already read JSON and form posts; other bodies are forwarded as raw bytes.
    const parsed = req.body !== undefined && typeof req.is === 'function';
    const body =
      parsed && req.is('application/json')
        ? JSON.stringify(req.body)
        : parsed && req.is('application/x-www-form-urlencoded')
          ? new URLSearchParams(req.body as Record<string, string>).toString()
          : await readRaw(req, this.config.maxRequestBytes);
    const answer = await this.proxy.forward(upstream, {
      method: req.method,
      path: upstream.rewrite
        ? upstream.rewrite[1] + req.originalUrl.slice(upstream.rewrite[0].length)
        : req.originalUrl,
      headers: req.headers,
      body,
      identity:
        open || !caller.user || !caller.org
          ? null
          : { user: caller.user, org: caller.org, roles: caller.roles },
    });
    if (answer.contentType) res.setHeader('content-type', answer.contentType);
    if (answer.contentDisposition) res.setHeader('content-disposition', answer.contentDisposition);
    res.status(answer.status).send(answer.body);
  }
}

async function readRaw(req: Request, limit: number): Promise<Buffer> {
  if (req.method === 'GET' || req.method === 'HEAD') return Buffer.alloc(0);
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = () =>
    payloadTooLarge({
      zh: '提交的内容或附件超过大小限制。',
      en: 'The request or an attachment exceeds the size limit.',
    });
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
