import { All, Controller, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiError } from '@oversight/platform';
import { GATEWAY_ROUTES } from './proxy.tokens';
import { ProxyService } from './proxy.service';
import { routeTable, upstreamFor } from './routes';

/** The single HTTP entry for the console and the public: `/api/...` goes to the owning service. */
@ApiExcludeController()
@Controller('api')
export class ProxyController {
  constructor(
    private readonly proxy: ProxyService,
    @Inject(GATEWAY_ROUTES) private readonly routes: ReturnType<typeof routeTable>,
  ) {}

  @All('*path')
  async forward(@Req() req: Request, @Res() res: Response): Promise<void> {
    const upstream = upstreamFor(this.routes, req.path);
    if (!upstream) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', {
        zh: `没有这个接口：${req.path}`,
        en: `No such API: ${req.path}`,
      });
    }
    // The JSON body parser has already read JSON requests; other bodies are forwarded as raw bytes.
    const body =
      req.body !== undefined && typeof req.is === 'function' && req.is('application/json')
        ? JSON.stringify(req.body)
        : await readRaw(req);
    const answer = await this.proxy.forward(upstream, {
      method: req.method,
      path: req.originalUrl,
      headers: req.headers,
      body,
    });
    if (answer.contentType) res.setHeader('content-type', answer.contentType);
    res.status(answer.status).send(answer.body);
  }
}

async function readRaw(req: Request): Promise<Buffer> {
  if (req.method === 'GET' || req.method === 'HEAD') return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
