/**
 * Thrown by a handler when a dependency (the engine, another service) is down: the message is retried
 * until it succeeds, never dead-lettered, because nothing is wrong with the message itself.
 */
export class RetryableError extends Error {}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const TRANSIENT_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|terminating connection|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|Client has encountered a connection error/i;

/**
 * Whether an error says that a dependency is down rather than that the work is wrong: PostgreSQL
 * unreachable, restarting or shutting down (SQLSTATE class 08, 57P0x), a connection cut. Such work is
 * retried until the dependency is back, never dead-lettered or failed.
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof RetryableError) return true;
  const e = error as {
    code?: unknown;
    driverError?: { code?: unknown; message?: unknown };
    message?: unknown;
  };
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  if (TRANSIENT_CODES.has(code) || code.startsWith('08')) return true;
  return TRANSIENT_MESSAGE.test(String(e?.driverError?.message ?? e?.message ?? ''));
}
