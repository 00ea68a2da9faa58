import { All, Controller, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiError } from '@oversight/platform';
import { GATEWAY_ROUTES } from './proxy.tokens';
import { ProxyService } from './proxy.service';
import { routeTable, upstreamFor } from './routes';

/** The single HTTP entry for the console and the public: each path prefix goes to the owning service. */
@ApiExcludeController()
@Controller()
export class ProxyController {
  constructor(
    private readonly proxy: ProxyService,
    @Inject(GATEWAY_ROUTES) private readonly routes: ReturnType<typeof routeTable>,
  ) {}

  @All(['api/*path', 'open311/*path', 'public/*path'])
  async forward(@Req() req: Request, @Res() res: Response): Promise<void> {
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
          : await readRaw(req);
    const answer = await this.proxy.forward(upstream, {
      method: req.method,
      path: req.originalUrl,
      headers: req.headers,
      body,
    });
    if (answer.contentType) res.setHeader('content-type', answer.contentType);
    if (answer.contentDisposition) res.setHeader('content-disposition', answer.contentDisposition);
    res.status(answer.status).send(answer.body);
  }
}

async function readRaw(req: Request): Promise<Buffer> {
  if (req.method === 'GET' || req.method === 'HEAD') return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
