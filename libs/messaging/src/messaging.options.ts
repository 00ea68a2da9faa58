export interface MessagingOptions {
  /** Service name: the envelope `source` and the Kafka consumer group. */
  service: string;
  brokers: string[];
  outboxPollMs: number;
  consumerMaxAttempts: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
