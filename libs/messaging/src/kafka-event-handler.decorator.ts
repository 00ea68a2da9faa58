import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@oversight/contracts';

export const KAFKA_EVENT_HANDLER = Symbol('KAFKA_EVENT_HANDLER');

/** One class per handled event. `handle` runs in the same transaction as the inbox record. */
export interface KafkaEventHandler<T = unknown> {
  handle(event: EventEnvelope<T>, manager: EntityManager): Promise<void>;
  /**
   * Optional: several new events, of one or of several partitions (each partition's in their order), in
   * one transaction with their inbox records (fewer round trips under load). Must have the effect of
   * `handle` on each in turn. When it throws, the transaction rolls back and each event is delivered on
   * its own through `handle`, so that one bad event is retried and dead-lettered alone.
   */
  handleBatch?(events: EventEnvelope<T>[], manager: EntityManager): Promise<void>;
}

/** Marks a provider as the handler of one topic; the consumer runner finds it at start-up. */
export const HandlesEvent = (topic: string): ClassDecorator => SetMetadata(KAFKA_EVENT_HANDLER, topic);
