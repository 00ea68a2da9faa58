export interface MessagingOptions {
  /** Service name: the envelope `source` and the Kafka consumer group. */
  service: string;
  brokers: string[];
  outboxPollMs: number;
  consumerMaxAttempts: number;
  /** Partitions of the topics this service consumes (raised at start-up when fewer). */
  topicPartitions: number;
  /** Partitions worked at the same time. */
  consumerConcurrency: number;
  /** A fetch waits up to this long for `consumerFetchMinBytes` (larger batches under load). */
  consumerFetchWaitMs: number;
  consumerFetchMinBytes: number;
  /** Published outbox rows are kept this long (for audits and replays), then purged. */
  outboxRetentionHours: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
