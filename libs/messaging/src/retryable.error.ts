/**
 * Thrown by a handler when a dependency (the engine, another service) is down: the message is retried
 * until it succeeds, never dead-lettered, because nothing is wrong with the message itself.
 */
export class RetryableError extends Error {}
