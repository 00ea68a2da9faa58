import { QueryFailedError } from 'typeorm';
import { isTransientError, RetryableError } from './retryable.error';

describe('isTransientError', () => {
  const pgError = (code: string, message: string) =>
    new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

  it('says a database that is down or restarting is transient', () => {
    expect(
      isTransientError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientError(pgError('57P01', 'terminating connection due to administrator command'))).toBe(
      true,
    );
    expect(isTransientError(pgError('57P03', 'the database system is starting up'))).toBe(true);
    expect(isTransientError(pgError('08006', 'connection failure'))).toBe(true);
    expect(isTransientError(new RetryableError('engine down'))).toBe(true);
  });

  it('says a fault of the work itself is not', () => {
    expect(
      isTransientError(pgError('23502', 'null value in column "kind" violates not-null constraint')),
    ).toBe(false);
    expect(isTransientError(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isTransientError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
