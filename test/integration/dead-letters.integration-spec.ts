import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { deadLetterTopic, EventEnvelope, SERVICE, TOPIC, TRANSFER_KIND } from '@oversight/contracts';
import { eventually, http, RunningService, startServiceForTest } from '@oversight/testing';
import { AppModule as GatewayModule } from '../../apps/gateway/src/app.module';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config';
import { AppModule as LiaisonModule } from '../../apps/liaison/src/app.module';
import { buildDataSourceOptions as liaisonDs } from '../../apps/liaison/src/liaison.datasource';

interface DeadLetter {
  id: string;
  topic: string;
  consumer: string;
  eventId: string | null;
  reason: string;
  replayedAt: string | null;
  replayedBy: string | null;
  replayCount: number;
  value: string | null;
}

const ADMIN = { 'x-oversight-org': 'sfj', 'x-oversight-user': 'admin-zhao', 'x-oversight-roles': 'admin' };
const CLERK = { 'x-oversight-org': 'sfj', 'x-oversight-user': 'clerk-wang' };

/**
 * A poison message on a real broker: liaison's consumer fails on it a bounded number of times and sends
 * it to the dead-letter topic; an administrator lists it with its error through the gateway, replays it
 * corrected, and it is applied once, also when replayed a second time.
 */
describe('dead letters: listed and replayed by an administrator', () => {
  let liaison: RunningService;
  let gateway: RunningService;
  let producer: Producer;
  let kafka: Kafka;
  let db: DataSource;

  beforeAll(async () => {
    const env: Record<string, string | undefined> = { ...process.env, CONSUMER_MAX_ATTEMPTS: '3' };
    liaison = await startServiceForTest({
      service: SERVICE.liaison,
      module: LiaisonModule.forRoot(loadConfig(ServiceConfig, env)),
      dataSource: liaisonDs(env.DATABASE_URL as string),
    });
    gateway = await startServiceForTest({
      service: SERVICE.gateway,
      module: GatewayModule.forRoot(loadConfig(GatewayConfig, { LIAISON_URL: liaison.url })),
    });
    db = liaison.app.get(DataSource);
    kafka = new Kafka({ clientId: 'dead-letter-test', brokers: process.env.KAFKA_BROKERS!.split(',') });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await gateway?.close();
    await liaison?.close();
  });

  const admin = (path: string) => `${gateway.url}/api/admin/liaison/dead-letters${path}`;

  it('dead-letters a poison event after bounded retries, lists it, replays it fixed, applies it once', async () => {
    const sourceRef = `DLQ-${randomUUID()}`;
    const key = `${TRANSFER_KIND.clueReferral}:${sourceRef}`;
    const dlqBefore = await dlqDepth();
    // A transfer event without its kind: liaison cannot store it (NOT NULL), no retry will change that.
    const poison: EventEnvelope<Record<string, unknown>> = {
      id: randomUUID(),
      type: TOPIC.transferChanged,
      source: 'justice-bureau',
      time: new Date().toISOString(),
      subject: key,
      data: { sourceRef, sender: 'sfj', receiver: 'jw', status: 'sent', subject: '问题线索移送（死信测试）' },
    };
    await producer.send({ topic: TOPIC.transferChanged, messages: [{ key, value: JSON.stringify(poison) }] });

    const letter = await eventually(
      async () => {
        const { status, body } = await http<{ items: DeadLetter[] }>('GET', admin(''), undefined, ADMIN);
        return status === 200 && body.items.find((d) => d.eventId === poison.id);
      },
      { what: 'the poison event in the dead-letter list', timeoutMs: 30000 },
    );
    expect(letter).toMatchObject({ topic: TOPIC.transferChanged, consumer: 'TransferChangedConsumer' });
    expect(letter.reason).toMatch(/TransferChangedConsumer failed 3x: .*kind/);
    expect(JSON.parse(letter.value!)).toEqual(poison);
    // The same message is on the dead-letter topic, and nothing reached the register.
    expect(await dlqDepth()).toBe(dlqBefore + 1);
    expect(await countTransfers(sourceRef)).toBe(0);

    // Only an administrator sees or replays dead letters.
    expect((await http('GET', admin(''), undefined, CLERK)).status).toBe(403);
    const denied = await http<{ message: { zh: string; en: string } }>(
      'POST',
      admin(`/${letter.id}/replay`),
      {},
      CLERK,
    );
    expect(denied.status).toBe(403);
    expect(denied.body.message.zh).toBe('您的单位或角色无权进行此操作。');
    // An administrator of another body is refused too: the payloads are the owning body's data.
    const otherAdmin = { ...ADMIN, 'x-oversight-org': 'jw', 'x-oversight-user': 'admin-jw' };
    expect((await http('GET', admin(''), undefined, otherAdmin)).status).toBe(403);

    // Fixed: the administrator replays it with the kind the publisher left out.
    const fixed = { ...poison, data: { ...poison.data, kind: TRANSFER_KIND.clueReferral } };
    const replayed = await http<DeadLetter>('POST', admin(`/${letter.id}/replay`), { value: fixed }, ADMIN);
    expect(replayed.status).toBe(201);
    expect(replayed.body).toMatchObject({ replayCount: 1, replayedBy: 'admin-zhao' });
    await eventually(async () => (await countTransfers(sourceRef)) === 1, {
      what: 'the replayed event in the register',
      timeoutMs: 30000,
    });

    // Replayed once more: consumed again, applied no second time (inbox on the event id). A later event
    // of the same transfer, on the same partition, shows the second replay has been consumed.
    expect((await http('POST', admin(`/${letter.id}/replay`), undefined, ADMIN)).status).toBe(201);
    const later: EventEnvelope<Record<string, unknown>> = {
      ...fixed,
      id: randomUUID(),
      time: new Date(Date.now() + 1000).toISOString(),
      data: { ...fixed.data, status: 'received' },
    };
    await producer.send({ topic: TOPIC.transferChanged, messages: [{ key, value: JSON.stringify(later) }] });
    await eventually(async () => (await statusOf(sourceRef)) === 'received', {
      what: 'the later event',
      timeoutMs: 30000,
    });
    const history = (await db.query(
      `SELECT e.event_id FROM liaison.transfer_event e JOIN liaison.transfer t ON t.id = e.transfer_id
        WHERE t.source_ref = $1`,
      [sourceRef],
    )) as { event_id: string }[];
    expect(history.map((h) => h.event_id).sort()).toEqual([poison.id, later.id].sort());
    const inbox = (await db.query(
      `SELECT count(*)::int AS n FROM liaison.inbox_message WHERE event_id = $1`,
      [poison.id],
    )) as { n: number }[];
    expect(inbox[0].n).toBe(1);

    // No longer open; listed as replayed, twice.
    const open = await http<{ items: DeadLetter[] }>('GET', admin(''), undefined, ADMIN);
    expect(open.body.items.find((d) => d.id === letter.id)).toBeUndefined();
    const done = await http<{ items: DeadLetter[] }>('GET', admin('?state=replayed'), undefined, ADMIN);
    expect(done.body.items.find((d) => d.id === letter.id)).toMatchObject({ replayCount: 2 });
    expect((await http('GET', admin('?state=nonsense'), undefined, ADMIN)).status).toBe(400);
    expect((await http('POST', admin(`/${randomUUID()}/replay`), undefined, ADMIN)).status).toBe(404);
  });

  async function countTransfers(sourceRef: string): Promise<number> {
    const rows = (await db.query(`SELECT count(*)::int AS n FROM liaison.transfer WHERE source_ref = $1`, [
      sourceRef,
    ])) as { n: number }[];
    return rows[0].n;
  }

  async function statusOf(sourceRef: string): Promise<string | undefined> {
    const rows = (await db.query(`SELECT status FROM liaison.transfer WHERE source_ref = $1`, [
      sourceRef,
    ])) as {
      status: string;
    }[];
    return rows[0]?.status;
  }

  async function dlqDepth(): Promise<number> {
    const a = kafka.admin();
    await a.connect();
    try {
      const offsets = await a.fetchTopicOffsets(deadLetterTopic(TOPIC.transferChanged));
      return offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
    } catch {
      return 0;
    } finally {
      await a.disconnect();
    }
  }
});
