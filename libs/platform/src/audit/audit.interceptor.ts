import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable, catchError, mergeMap } from 'rxjs';
import { callerOf } from '../caller';
import { PUBLIC_ACCESS } from '../identity/access.decorator';
import { AuditContext, auditContext, AuditService } from './audit.service';

const MASKED_KEYS = /^(password|complainant|name|phone|idNumber|idCard|address|email|contact)$/i;

/** The request body as the log keeps it: personal data and secrets masked, uploads left out. */
export function sanitizeBody(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || depth > 6) return value ?? null;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => sanitizeBody(v, depth + 1));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        MASKED_KEYS.test(k) && v !== null && v !== undefined ? '***' : sanitizeBody(v, depth + 1),
      ]),
    );
  }
  if (typeof value === 'string' && value.length > 2000) return `${value.slice(0, 2000)}…`;
  return value;
}

const emptyToNull = (o: Record<string, unknown>) => (Object.keys(o).length ? o : null);

/**
 * Writes one audit entry per request to a protected handler (a read or a change) and per change made on a
 * public one (e.g. a complaint filed by the public), with the state changes the request made (before/after)
 * and its masked body. The entry is written before the answer leaves, so an answered request is logged.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const isPublic =
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ACCESS, [context.getHandler(), context.getClass()]) ===
      true;
    const read = request.method === 'GET' || request.method === 'HEAD';
    if (isPublic && read) return next.handle();
    if ((request.route as { path?: string } | undefined)?.path === '/health') return next.handle();
    const changes: AuditContext = { before: {}, after: {} };
    const route = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
    const write = (status: number) =>
      this.audit.record({
        actor: callerOf(request),
        action: read ? 'read' : 'change',
        resource: route,
        target: request.originalUrl.slice(0, 500),
        status,
        before: emptyToNull(changes.before),
        after: read
          ? null
          : { ...changes.after, request: sanitizeBody(request.body) as Record<string, unknown> | null },
      });
    return new Observable((subscriber) =>
      auditContext.run(changes, () =>
        next
          .handle()
          .pipe(
            mergeMap(async (value: unknown) => {
              await write(response.statusCode);
              return value;
            }),
            catchError(async (error: unknown) => {
              await write(error instanceof HttpException ? error.getStatus() : 500);
              throw error;
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
