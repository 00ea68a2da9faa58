import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { EngineHttpError, EngineUnavailableError } from '@oversight/workflow';
import { ApiErrorBody } from './api-error';

/** Turns every error into a bilingual body; internals (stack traces, SQL) never leave the service. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error((exception as Error)?.stack ?? String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const raw = exception.getResponse();
      if (typeof raw === 'object' && raw !== null && typeof (raw as ApiErrorBody).message === 'object') {
        return raw as ApiErrorBody;
      }
      const status = exception.getStatus();
      const text =
        typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, error: HttpStatus[status] ?? 'ERROR', message: generic(status, text) };
    }
    if (exception instanceof EngineUnavailableError) {
      return {
        statusCode: 503,
        error: 'WORKFLOW_ENGINE_UNAVAILABLE',
        message: {
          zh: '流程引擎暂时不可用，请稍后重试，您的数据未丢失。',
          en: 'The workflow engine is unavailable; please retry later. Nothing was lost.',
        },
      };
    }
    if (exception instanceof EngineHttpError && exception.status === 404) {
      return {
        statusCode: 404,
        error: 'NOT_FOUND',
        message: { zh: '流程中未找到该对象。', en: 'Not found in the workflow engine.' },
      };
    }
    return {
      statusCode: 500,
      error: 'INTERNAL_ERROR',
      message: {
        zh: '系统内部错误，已记录，请稍后重试。',
        en: 'Internal error; it has been logged. Please retry later.',
      },
    };
  }
}

function generic(status: number, text: string) {
  if (status === 404) return { zh: '未找到请求的资源。', en: text || 'Not found.' };
  if (status === 413)
    return {
      zh: '提交的内容或附件超过大小限制。',
      en: 'The request or an attachment exceeds the size limit.',
    };
  if (status === 400) return { zh: '请求格式有误。', en: text || 'Bad request.' };
  return { zh: '请求未能完成。', en: text || 'The request failed.' };
}
