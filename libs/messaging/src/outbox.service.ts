import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { insertStatement, Statement } from '@oversight/database';
import type { EventEnvelope } from '@oversight/contracts';
import { OutboxMessageEntity } from './outbox-message.entity';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

export interface RecordEventInput<T> {
  topic: string;
  /** Aggregate id: the Kafka key and the envelope subject. */
  subject: string;
  data: T;
}

type Listener = () => void;

/** Writes events into the outbox inside the caller's transaction. Publishing is the relay's job. */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<Listener>();

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async record<T>(manager: EntityManager, input: RecordEventInput<T>): Promise<EventEnvelope<T>> {
    const { envelope, statement } = this.prepare(manager, input);
    await manager.query(statement.sql, statement.params);
    return envelope;
  }

  /** The event and the INSERT of its outbox row, for the caller to run in a batch of statements. */
  prepare<T>(
    manager: EntityManager | DataSource,
    input: RecordEventInput<T>,
  ): { envelope: EventEnvelope<T>; statement: Statement } {
    const envelope: EventEnvelope<T> = {
      id: randomUUID(),
      type: input.topic,
      source: this.options.service,
      time: new Date().toISOString(),
      subject: input.subject,
      data: input.data,
    };
    // jsonb columns are written as given; the cast only silences TypeORM's deep-partial typing.
    const statement = insertStatement(manager, OutboxMessageEntity, {
      id: envelope.id,
      topic: input.topic,
      messageKey: input.subject,
      envelope: envelope as never,
    });
    return { envelope, statement };
  }

  /** Tells the relay that committed events are waiting, so it need not wait for its next poll. */
  kick(): void {
    for (const listener of this.listeners) listener();
  }

  onKick(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
