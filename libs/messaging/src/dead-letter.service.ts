import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopic } from '@oversight/contracts';
import { connectProducer } from './kafka.util';
import { KAFKA, MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

/** A message one of this service's consumers gave up on, as an administrator sees it. */
export interface DeadLetter {
  id: string;
  topic: string;
  partition: number;
  offset: string;
  consumer: string;
  key: string | null;
  eventId: string | null;
  eventType: string | null;
  reason: string;
  deadLetteredAt: string;
  replayedAt: string | null;
  replayedBy: string | null;
  replayCount: number;
  /** The message as it arrived (UTF-8), or as an administrator last corrected it. */
  value: string | null;
}

interface Row {
  id: string;
  topic: string;
  partition: number;
  offset: string;
  consumer: string;
  message_key: string | null;
  value: string | null;
  event_id: string | null;
  event_type: string | null;
  reason: string;
  dead_lettered_at: Date;
  replayed_at: Date | null;
  replayed_by: string | null;
  replay_count: number;
}

const toDeadLetter = (r: Row): DeadLetter => ({
  id: r.id,
  topic: r.topic,
  partition: r.partition,
  offset: r.offset,
  consumer: r.consumer,
  key: r.message_key,
  eventId: r.event_id,
  eventType: r.event_type,
  reason: r.reason,
  deadLetteredAt: r.dead_lettered_at.toISOString(),
  replayedAt: r.replayed_at?.toISOString() ?? null,
  replayedBy: r.replayed_by,
  replayCount: r.replay_count,
  value: r.value,
});

/**
 * The register of dead letters: every message sent to `<topic>.dlq` by this service is also recorded
 * here, with the error, so that an administrator can list them and, once the cause is fixed, send one or
 * all back to the original topic. Consumers de-duplicate on the event id, so a replay has one effect
 * per consumer even though every consumer group of that topic sees it again.
 */
@Injectable()
export class DeadLetterService implements OnModuleDestroy {
  private readonly logger = new Logger(DeadLetterService.name);
  private producer: Producer | null = null;
  private readonly table: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.table = `"${options.service.replace(/-/g, '_')}"."dead_letter"`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
  }

  /** Records a dead letter; the same message of the same consumer is recorded once. */
  async record(input: {
    topic: string;
    partition: number;
    offset: string;
    consumer: string;
    key: Buffer | null;
    value: Buffer | null;
    reason: string;
  }): Promise<void> {
    const text = input.value?.toString('utf8') ?? null;
    let eventId: string | null = null;
    let eventType: string | null = null;
    try {
      const parsed = text ? (JSON.parse(text) as { id?: unknown; type?: unknown }) : null;
      if (typeof parsed?.id === 'string') eventId = parsed.id;
      if (typeof parsed?.type === 'string') eventType = parsed.type;
    } catch {
      // not JSON: kept as text
    }
    await this.dataSource.query(
      `INSERT INTO ${this.table} ("topic", "partition", "offset", "consumer", "message_key", "value",
         "event_id", "event_type", "reason")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ("topic", "partition", "offset", "consumer") DO NOTHING`,
      [
        input.topic,
        input.partition,
        input.offset,
        input.consumer,
        input.key?.toString('utf8') ?? null,
        text,
        eventId,
        eventType,
        input.reason.slice(0, 4000),
      ],
    );
  }

  async list(filter: { state?: 'open' | 'replayed' | 'all'; topic?: string } = {}): Promise<DeadLetter[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if ((filter.state ?? 'open') === 'open') where.push('"replayed_at" IS NULL');
    if (filter.state === 'replayed') where.push('"replayed_at" IS NOT NULL');
    if (filter.topic) {
      params.push(filter.topic);
      where.push(`"topic" = $${params.length}`);
    }
    const rows = (await this.dataSource.query(
      `SELECT * FROM ${this.table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY "dead_lettered_at" DESC LIMIT 500`,
      params,
    )) as Row[];
    return rows.map(toDeadLetter);
  }

  async get(id: string): Promise<DeadLetter | null> {
    const rows = (await this.dataSource.query(`SELECT * FROM ${this.table} WHERE "id" = $1`, [id])) as Row[];
    return rows[0] ? toDeadLetter(rows[0]) : null;
  }

  /**
   * Sends a dead letter back to its original topic, as it was or with a corrected `value`, and marks it
   * replayed. Resolves the updated record.
   */
  async replay(id: string, by: string, value?: string): Promise<DeadLetter | null> {
    const letter = await this.get(id);
    if (!letter) return null;
    const payload = value ?? letter.value;
    this.producer ??= await connectProducer(this.kafka);
    await this.producer.send({
      topic: letter.topic,
      acks: -1,
      messages: [
        {
          key: letter.key,
          value: payload,
          headers: { 'dlq-replay-of': letter.id, 'dlq-replayed-by': by },
        },
      ],
    });
    this.logger.log(`replayed dead letter ${id} to ${letter.topic} (by ${by})`);
    await this.dataSource.query(
      `UPDATE ${this.table} SET "replayed_at" = now(), "replayed_by" = $2, "replay_count" = "replay_count" + 1,
         "value" = $3 WHERE "id" = $1`,
      [id, by, payload],
    );
    return this.get(id);
  }

  /** Replays every open dead letter (of one topic, when given), oldest first. */
  async replayAll(by: string, topic?: string): Promise<DeadLetter[]> {
    const open = (await this.list({ state: 'open', topic })).reverse();
    const done: DeadLetter[] = [];
    for (const letter of open) {
      const replayed = await this.replay(letter.id, by);
      if (replayed) done.push(replayed);
    }
    return done;
  }

  /** The Kafka topic where the same messages are kept. */
  static topicOf(topic: string): string {
    return deadLetterTopic(topic);
  }
}
