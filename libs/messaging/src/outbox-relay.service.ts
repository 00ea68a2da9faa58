import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Kafka, Producer } from 'kafkajs';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { quotedTable, runExclusively } from '@oversight/database';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxService } from './outbox.service';
import { KAFKA, MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { connectProducer, WakeableSleep } from './kafka.util';

const BATCH = 200;
const MAX_BACKOFF_MS = 5000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

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

  /** Publishes one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.lockPublishable(manager);
      if (rows.length === 0) return 0;
      const producer = await this.connectedProducer();
      const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({
          key: row.messageKey,
          value: JSON.stringify(row.envelope),
          headers: { 'event-id': row.id, 'event-type': row.envelope.type },
        });
        byTopic.set(row.topic, messages);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      await manager.update(
        OutboxMessageEntity,
        { id: In(rows.map((r) => r.id)) },
        { publishedAt: new Date() },
      );
      return rows.length;
    });
  }

  /**
   * Locks the oldest unpublished rows (SKIP LOCKED: other replicas' rows are left to them) and returns
   * those that may go now: not those with an older unpublished row of the same key outside this batch
   * (another replica holds it). They stay locked and go in a later batch, after it. One statement.
   */
  private async lockPublishable(
    manager: EntityManager,
  ): Promise<Pick<OutboxMessageEntity, 'id' | 'topic' | 'messageKey' | 'envelope'>[]> {
    const table = quotedTable(manager, OutboxMessageEntity);
    const rows = (await manager.query(
      `WITH locked AS (
         SELECT id, topic, message_key, envelope, created_at FROM ${table}
          WHERE published_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       SELECT l.id, l.topic, l.message_key, l.envelope FROM locked l
        WHERE NOT EXISTS (SELECT 1 FROM ${table} p
                           WHERE p.published_at IS NULL AND p.message_key = l.message_key
                             AND p.created_at < l.created_at AND p.id NOT IN (SELECT id FROM locked))
        ORDER BY l.created_at`,
      [BATCH],
    )) as { id: string; topic: string; message_key: string; envelope: OutboxMessageEntity['envelope'] }[];
    return rows.map((r) => ({ id: r.id, topic: r.topic, messageKey: r.message_key, envelope: r.envelope }));
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
