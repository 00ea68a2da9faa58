import { QueryFailedError } from 'typeorm';

/** A unique index refused the row: another request (or delivery) got there first. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
