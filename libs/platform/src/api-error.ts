import { HttpException, HttpStatus } from '@nestjs/common';

/** Every message the product shows a user: Chinese first, English second. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldError extends Bilingual {
  field: string;
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: Bilingual;
  fields?: FieldError[];
}

/** An error a clerk can read, with the HTTP status that says whose move it is. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: Bilingual, fields?: FieldError[]) {
    super(
      { statusCode: status, error: code, message, ...(fields ? { fields } : {}) } satisfies ApiErrorBody,
      status,
    );
  }
}

export const notFound = (what: Bilingual, id: string) =>
  new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', {
    zh: `未找到${what.zh}：${id}`,
    en: `${what.en} ${id} was not found`,
  });

export const conflict = (message: Bilingual) => new ApiError(HttpStatus.CONFLICT, 'CONFLICT', message);

export const unprocessable = (message: Bilingual) =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'UNPROCESSABLE', message);

export const badRequest = (message: Bilingual, fields?: FieldError[]) =>
  new ApiError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', message, fields);

export const unavailable = (message: Bilingual) =>
  new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'SERVICE_UNAVAILABLE', message);

export const forbidden = (message: Bilingual) => new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);

export const payloadTooLarge = (message: Bilingual) =>
  new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', message);
