/** The envelope every Kafka event travels in. Consumers de-duplicate on `id`. */
export interface EventEnvelope<T = unknown> {
  /** Unique event id (UUID); the de-duplication key. */
  id: string;
  /** Event type, equal to the topic it is published on. */
  type: string;
  /** Producing service, e.g. `justice-bureau`. */
  source: string;
  /** ISO-8601 time the event was recorded (inside the producer's transaction). */
  time: string;
  /** Aggregate id; also the Kafka message key, so one aggregate's events stay ordered. */
  subject: string;
  data: T;
}

/** Dead-letter topic for a topic. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
