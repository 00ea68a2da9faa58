import fs from 'node:fs';
import { Controller, Get, HttpStatus, Inject, Next, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { ApiError, Public } from '@oversight/platform';
import { consoleFileFor, isReserved } from './console-path.util';

export const CONSOLE_DIR = Symbol('CONSOLE_DIR');

const isFile = (file: string) => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The web console: its built files, and index.html for every client-side route (SPA fallback). */
@ApiExcludeController()
@Controller()
export class ConsoleController {
  constructor(@Inject(CONSOLE_DIR) private readonly root: string) {}

  @Get(['/', '*path'])
  @Public()
  serve(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    // The gateway's own routes (/health, /docs) may be registered after this catch-all: let them answer.
    if (isReserved(req.path)) return next();
    const file = this.root ? consoleFileFor(this.root, req.path, isFile) : null;
    if (!file) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', {
        zh: `没有这个页面：${req.path}`,
        en: `No such page: ${req.path}`,
      });
    }
    // Hashed bundle names never change content; index.html must always be fresh.
    const immutable = file.includes(`${'/'}assets${'/'}`);
    res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.sendFile(file);
  }
}
