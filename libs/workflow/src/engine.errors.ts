/** The engine answered with an error status; 4xx are the caller's fault and never trip the breaker. */
export class EngineHttpError extends Error {
  constructor(
    readonly status: number,
    readonly engineType: string | undefined,
    message: string,
  ) {
    super(message);
  }

  /**
   * Another transaction moved the same instance at the same time (two branches finishing together, a
   * message racing a timer): the engine rolled the whole command back, so repeating it is safe.
   */
  get isConflict(): boolean {
    return (
      this.engineType === 'OptimisticLockingException' || /OptimisticLocking|concurrently/.test(this.message)
    );
  }
}

/** The engine cannot be reached, or the circuit breaker is open. */
export class EngineUnavailableError extends Error {}
