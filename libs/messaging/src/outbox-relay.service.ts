import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Kafka, Producer } from 'kafkajs';
import { DataSource, In, IsNull } from 'typeorm';
import {
  quotedTable,
  runExclusively,
  Statement,
  twoTripTransaction,
  updateStatement,
} from '@oversight/database';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxService } from './outbox.service';
import { KAFKA, MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { connectProducer, WakeableSleep } from './kafka.util';

const BATCH = 200;
const MAX_BACKOFF_MS = 5000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

type PublishableRow = {
  id: string;
  topic: string;
  message_key: string;
  envelope: OutboxMessageEntity['envelope'];
};

/**
 * Locks the oldest unpublished rows (SKIP LOCKED: other replicas' rows are left to them) and returns
 * those that may go now: not those with an older unpublished row of the same key outside this batch
 * (another replica holds it). They stay locked and go in a later batch, after it. One statement.
 */
function lockPublishable(table: string): Statement {
  return {
    sql: `WITH locked AS (
            SELECT id, topic, message_key, envelope, created_at FROM ${table}
             WHERE published_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          SELECT l.id, l.topic, l.message_key, l.envelope FROM locked l
           WHERE NOT EXISTS (SELECT 1 FROM ${table} p
                              WHERE p.published_at IS NULL AND p.message_key = l.message_key
                                AND p.created_at < l.created_at AND p.id NOT IN (SELECT id FROM locked))
           ORDER BY l.created_at`,
    params: [BATCH],
  };
}

/**
 * Publishes committed outbox rows to Kafka, oldest first. Rows are locked with SKIP LOCKED, so
 * several replicas share the work; a row is marked published only after Kafka acknowledged it.
 * Order per key (aggregate) holds across replicas too: a row waits while an older row of its key is
 * still unpublished in another replica's hands. The retention purge runs on one replica at a time.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private producer: Producer | null = null;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly pause = new WakeableSleep();
  private pendingKick = false;
  private unsubscribe: (() => void) | null = null;
  private consecutiveFailures = 0;
  private lastPurge = 0;
  lastError: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.unsubscribe = this.outbox.onKick(() => this.kick());
    this.loopDone = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.kick();
    await this.loopDone;
    await this.producer?.disconnect().catch(() => undefined);
  }

  private kick(): void {
    this.pendingKick = true;
    // While backing off from a failure, new events wait for the back-off; shutdown never waits.
    if (this.consecutiveFailures === 0 || !this.running) this.pause.wake();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        this.consecutiveFailures = 0;
        this.lastError = null;
      } catch (error) {
        this.consecutiveFailures += 1;
        this.lastError = (error as Error).message;
        this.logger.warn(`outbox publish failed (${this.consecutiveFailures}x): ${this.lastError}`);
        // A producer that lost its broker is rebuilt rather than trusted to recover.
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = null;
      }
      if (published === BATCH) continue;
      if (Date.now() - this.lastPurge > PURGE_EVERY_MS) await this.purge();
      const wait = this.consecutiveFailures
        ? Math.min(MAX_BACKOFF_MS, 200 * 2 ** this.consecutiveFailures)
        : this.options.outboxPollMs;
      await this.idle(wait);
    }
  }

  private async idle(ms: number): Promise<void> {
    if (this.running && !(this.pendingKick && this.consecutiveFailures === 0)) await this.pause.sleep(ms);
    this.pendingKick = false;
  }

  private async connectedProducer(): Promise<Producer> {
    this.producer ??= await connectProducer(this.kafka);
    return this.producer;
  }

  /**
   * Publishes one batch; returns how many rows it published. Two round trips to PostgreSQL: BEGIN with
   * the lock of the batch, then (after Kafka acknowledged it) the mark and COMMIT.
   */
  async publishBatch(): Promise<number> {
    const table = quotedTable(this.dataSource, OutboxMessageEntity);
    return twoTripTransaction<PublishableRow, number>(
      this.dataSource,
      [lockPublishable(table)],
      async (rows) => {
        if (rows.length === 0) return { statements: [], result: 0 };
        const producer = await this.connectedProducer();
        const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
        for (const row of rows) {
          const messages = byTopic.get(row.topic) ?? [];
          messages.push({
            key: row.message_key,
            value: JSON.stringify(row.envelope),
            headers: { 'event-id': row.id, 'event-type': row.envelope.type },
          });
          byTopic.set(row.topic, messages);
        }
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        });
        const mark = updateStatement(
          this.dataSource,
          OutboxMessageEntity,
          { id: In(rows.map((r) => r.id)) } as never,
          { publishedAt: new Date() },
        );
        return { statements: [mark], result: rows.length };
      },
    );
  }

  /**
   * Deletes rows published longer ago than the retention, on one replica at a time (an advisory lock;
   * a replica that finds it taken skips this round). Returns how many rows it deleted, or null when
   * it skipped. A second run within the period deletes nothing: each row goes once.
   */
  async purge(): Promise<number | null> {
    this.lastPurge = Date.now();
    try {
      const run = await runExclusively(
        this.dataSource,
        `oversight:outbox-purge:${this.options.service}`,
        (m) =>
          m
            .createQueryBuilder()
            .delete()
            .from(OutboxMessageEntity)
            .where(`published_at < now() - make_interval(hours => :hours)`, {
              hours: this.options.outboxRetentionHours,
            })
            .execute(),
      );
      return run.ran ? (run.result.affected ?? 0) : null;
    } catch (error) {
      this.logger.warn(`outbox purge failed: ${(error as Error).message}`);
      return null;
    }
  }

  async pendingCount(): Promise<number> {
    return this.dataSource.getRepository(OutboxMessageEntity).count({ where: { publishedAt: IsNull() } });
  }
}
