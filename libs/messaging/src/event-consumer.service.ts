import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopic, EventEnvelope } from '@oversight/contracts';
import { quotedTable } from '@oversight/database';
import { InboxMessageEntity } from './inbox-message.entity';
import { KAFKA_EVENT_HANDLER, KafkaEventHandler } from './kafka-event-handler.decorator';
import { KAFKA, MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { connectProducer, sleep } from './kafka.util';
import { isTransientError } from './retryable.error';
import { OutboxService } from './outbox.service';
import { DeadLetterService } from './dead-letter.service';
import { GroupRunner } from './group-runner.util';

interface RegisteredHandler {
  name: string;
  topic: string;
  handler: KafkaEventHandler;
}

/** Events of one partition handled in one transaction at most (a backlog arrives in large batches). */
const MAX_RUN = 50;
/** Events of several partitions that arrived together, handled in one transaction (see deliverRun). */
const MAX_GROUP = 100;

interface Received {
  message: KafkaMessage;
  envelope: EventEnvelope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses an envelope, or says why it is not one (such a message is poison: straight to the DLQ). */
export function parseEnvelope(raw: Buffer | null): EventEnvelope | string {
  if (!raw) return 'empty message';
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    return 'not JSON';
  }
  const e = value as Partial<EventEnvelope>;
  if (typeof e !== 'object' || e === null) return 'not an object';
  if (typeof e.id !== 'string' || !UUID.test(e.id)) return 'envelope id is not a UUID';
  if (typeof e.type !== 'string' || typeof e.source !== 'string' || typeof e.subject !== 'string') {
    return 'envelope lacks type, source or subject';
  }
  if (typeof e.time !== 'string' || e.data === undefined) return 'envelope lacks time or data';
  return e as EventEnvelope;
}

/**
 * Runs the service's Kafka consumer group. Each handler sees an event at most once in effect: its
 * inbox row and its own writes commit together. A handler that keeps failing sends the message to
 * `<topic>.dlq` after the configured attempts, so one poison message cannot stall a partition.
 */
@Injectable()
export class EventConsumerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumerService.name);
  private readonly handlers: RegisteredHandler[] = [];
  private consumer: Consumer | null = null;
  private dlqProducer: Producer | null = null;
  private readonly groups = new Map<RegisteredHandler, GroupRunner<EventEnvelope>>();
  crashed: string | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly outbox: OutboxService,
    private readonly deadLetters: DeadLetterService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const topic = Reflect.getMetadata(KAFKA_EVENT_HANDLER, metatype) as string | undefined;
      if (topic) this.handlers.push({ name: metatype.name, topic, handler: instance as KafkaEventHandler });
    }
    if (this.handlers.length === 0) return;
    const topics = [...new Set(this.handlers.map((h) => h.topic))];
    await this.ensureTopics(topics);
    this.consumer = this.kafka.consumer({
      groupId: this.options.service,
      retry: { retries: 10 },
      maxWaitTimeInMs: this.options.consumerFetchWaitMs,
      minBytes: this.options.consumerFetchMinBytes,
    });
    this.consumer.on(this.consumer.events.CRASH, (e) => {
      this.crashed = String(e.payload.error?.message ?? e.payload.error);
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.crashed = null;
    });
    await this.consumer.connect();
    const consumer = this.consumer;
    await this.retried('subscribing', () => consumer.subscribe({ topics, fromBeginning: true }));
    // Partitions are independent (order matters only per key), so they are worked in parallel. Offsets
    // are resolved only for messages handled (or dead-lettered): a batch cut short by a rebalance or a
    // shutdown leaves the rest to be fetched again.
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.consumerConcurrency,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    await this.dlqProducer?.disconnect().catch(() => undefined);
  }

  /**
   * Re-reads every topic this service handles from the beginning, with a throw-away consumer group, and
   * hands each event straight to its handlers (no inbox), up to the end offsets seen when it starts.
   * For rebuilding projections whose handlers are idempotent and order-insensitive; the live consumer
   * goes on meanwhile. Returns how many events were replayed.
   */
  async replay(): Promise<{ events: number; skipped: number; topics: string[] }> {
    const topics = [...new Set(this.handlers.map((h) => h.topic))];
    const admin = this.kafka.admin();
    await admin.connect();
    const remaining = new Map<string, bigint>(); // topic:partition → last offset to read
    try {
      for (const topic of topics) {
        for (const p of await admin.fetchTopicOffsets(topic)) {
          if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, BigInt(p.high) - 1n);
        }
      }
    } finally {
      await admin.disconnect();
    }
    let events = 0;
    let skipped = 0;
    if (remaining.size === 0) return { events, skipped, topics };
    const groupId = `${this.options.service}-replay-${Date.now()}`;
    const consumer = this.kafka.consumer({ groupId, retry: { retries: 10 } });
    await consumer.connect();
    try {
      await this.retried('subscribing', () => consumer.subscribe({ topics, fromBeginning: true }));
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            eachMessage: async ({ topic, partition, message }) => {
              const key = `${topic}:${partition}`;
              const last = remaining.get(key);
              if (last === undefined || BigInt(message.offset) > last) return;
              const envelope = parseEnvelope(message.value);
              if (typeof envelope === 'string') {
                skipped += 1;
                this.logger.warn(`replay skips ${key}@${message.offset}: ${envelope}`);
              } else {
                for (const registered of this.handlers.filter((h) => h.topic === topic)) {
                  try {
                    await this.dataSource.transaction((manager) =>
                      registered.handler.handle(envelope, manager),
                    );
                  } catch (error) {
                    // A message no handler can apply was dead-lettered when it arrived: skip it here too,
                    // rather than stall the rebuild on it. An unreachable database stops the replay.
                    if (isTransientError(error)) throw error;
                    skipped += 1;
                    this.logger.warn(
                      `replay skips ${key}@${message.offset} for ${registered.handler.constructor.name}: ${(error as Error).message}`,
                    );
                  }
                }
                events += 1;
              }
              if (BigInt(message.offset) >= last) remaining.delete(key);
              if (remaining.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
      const cleanup = this.kafka.admin();
      await cleanup.connect();
      await cleanup.deleteGroups([groupId]).catch(() => undefined);
      await cleanup.disconnect();
    }
    return { events, skipped, topics };
  }

  /**
   * Topics created a moment ago may not be in the broker's metadata yet ("This server does not host this
   * topic-partition", UNKNOWN_TOPIC_OR_PARTITION, which Kafka marks retriable and kafkajs's own waits do
   * not retry): subscribing, creating and describing topics are retried a few times before start-up fails.
   */
  private async retried<T>(what: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        if ((error as { retriable?: boolean }).retriable !== true || attempt >= 10) throw error;
        this.logger.debug(`${what} failed (${attempt}x), retrying: ${(error as Error).message}`);
        await sleep(200 * attempt);
      }
    }
  }

  private async ensureTopics(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const partitions = this.options.topicPartitions;
      const specs = topics
        .flatMap((t) => [t, deadLetterTopic(t)])
        .map((topic) => ({ topic, numPartitions: partitions }));
      await this.retried('creating topics', () =>
        admin.createTopics({ waitForLeaders: true, topics: specs }),
      );
      // Topics made earlier (or by another service, or with the broker's default) may have fewer.
      const { topics: existing } = await this.retried('describing topics', () =>
        admin.fetchTopicMetadata({ topics }),
      );
      const fewer = existing.filter((t) => t.partitions.length < partitions);
      if (fewer.length > 0) {
        await admin
          .createPartitions({ topicPartitions: fewer.map((t) => ({ topic: t.name, count: partitions })) })
          .catch((error: Error) => {
            // Another service raised it at the same moment: what matters is that it has been raised.
            if (!/INVALID_PARTITIONS|already has/i.test(error.message)) throw error;
          });
      }
    } finally {
      await admin.disconnect();
    }
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload) {
    const { topic, partition } = batch;
    let run: Received[] = [];
    const flush = async () => {
      if (run.length === 0) return;
      for (const registered of this.handlers.filter((h) => h.topic === topic)) {
        await this.deliverRun(registered, run, partition, heartbeat);
      }
      resolveOffset(run[run.length - 1]!.message.offset);
      run = [];
      await heartbeat().catch(() => undefined);
    };
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      const envelope = parseEnvelope(message.value);
      if (typeof envelope === 'string') {
        await flush();
        await this.deadLetter(topic, message, `poison message: ${envelope}`, partition, 'envelope');
        resolveOffset(message.offset);
        continue;
      }
      run.push({ message, envelope });
      if (run.length >= MAX_RUN) await flush();
    }
    await flush();
  }

  /**
   * A run of events to one handler. A handler that can take a batch gets the run in one transaction,
   * together with the runs other partitions hand in at the same moment (a fetch brings a few events for
   * each of several partitions; together they make one transaction and, for a handler that starts
   * processes, one engine call). If that transaction fails, each event of the run is delivered on its own.
   */
  private async deliverRun(
    registered: RegisteredHandler,
    run: Received[],
    partition: number,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    if (registered.handler.handleBatch) {
      try {
        await this.groupOf(registered).submit(run.map((r) => r.envelope));
        return;
      } catch (error) {
        this.logger.warn(
          `${registered.name}: a batch with ${run.length} events of partition ${partition} failed, one by one now: ${(error as Error).message}`,
        );
      }
    }
    for (const { envelope, message } of run) {
      await this.deliver(registered, envelope, message, partition, heartbeat);
    }
  }

  private groupOf(registered: RegisteredHandler): GroupRunner<EventEnvelope> {
    let group = this.groups.get(registered);
    if (!group) {
      group = new GroupRunner((events) => this.deliverBatch(registered, events), MAX_GROUP);
      this.groups.set(registered, group);
    }
    return group;
  }

  /** New events (by their inbox records) to `handleBatch`, in one transaction with those records. */
  private async deliverBatch({ name, topic, handler }: RegisteredHandler, run: EventEnvelope[]) {
    await this.dataSource.transaction(async (manager) => {
      const table = quotedTable(manager, InboxMessageEntity);
      const inserted = (await manager.query(
        `INSERT INTO ${table} (consumer, event_id, topic) SELECT $1, unnest($2::uuid[]), $3
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [name, run.map((e) => e.id), topic],
      )) as { event_id: string }[];
      const fresh = new Set(inserted.map((r) => r.event_id));
      // An event Kafka delivered twice in one group is new once: `delete` lets only its first copy by.
      const events = run.filter((e) => fresh.delete(e.id.toLowerCase()));
      if (events.length > 0) await handler.handleBatch!(events, manager);
    });
    this.outbox.kick();
  }

  private async deliver(
    registered: RegisteredHandler,
    envelope: EventEnvelope,
    message: KafkaMessage,
    partition: number,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(InboxMessageEntity)
            .values({ consumer: registered.name, eventId: envelope.id, topic: registered.topic })
            .orIgnore()
            .returning(['eventId'])
            .execute();
          if (inserted.raw.length === 0) return; // seen before: at-least-once delivery, one effect
          await registered.handler.handle(envelope, manager);
        });
        this.outbox.kick(); // the handler may have recorded events of its own
        return;
      } catch (error) {
        const reason = (error as Error).message;
        if (isTransientError(error)) {
          this.logger.warn(`${registered.name} waits for a dependency (event ${envelope.id}): ${reason}`);
          await sleep(Math.min(5000, 200 * 2 ** Math.min(attempt, 5)));
          await heartbeat().catch(() => undefined); // stay in the group while waiting
          continue;
        }
        if (attempt >= this.options.consumerMaxAttempts) {
          await this.deadLetter(
            registered.topic,
            message,
            `${registered.name} failed ${attempt}x: ${reason}`,
            partition,
            registered.name,
          );
          return;
        }
        this.logger.warn(`${registered.name} attempt ${attempt} on event ${envelope.id} failed: ${reason}`);
        await sleep(100 * 2 ** attempt);
      }
    }
  }

  private async deadLetter(
    topic: string,
    { key, value, offset }: KafkaMessage,
    reason: string,
    partition: number,
    consumer: string,
  ): Promise<void> {
    this.logger.error(`dead-lettering a message of ${topic}[${partition}]: ${reason}`);
    this.dlqProducer ??= await connectProducer(this.kafka);
    await this.dlqProducer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [
        {
          key,
          value,
          headers: {
            'dlq-reason': reason,
            'dlq-source-topic': topic,
            'dlq-consumer-group': this.options.service,
            'dlq-consumer': consumer,
          },
        },
      ],
    });
    // ... and in the service's register, where an administrator lists and replays it. Kafka redelivers
    // this message if the register cannot be written now, and the register keeps it once.
    await this.deadLetters.record({ topic, partition, offset, consumer, key, value, reason });
  }
}
