/** The engine answered with an error status; 4xx are the caller's fault and never trip the breaker. */
export class EngineHttpError extends Error {
  constructor(
    readonly status: number,
    readonly engineType: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The engine cannot be reached, or the circuit breaker is open. */
export class EngineUnavailableError extends Error {}
