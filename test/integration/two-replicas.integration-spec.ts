import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { EventEnvelope, PROCESS, SERVICE, TOPIC } from '@oversight/contracts';
import { OutboxRelayService, OutboxService } from '@oversight/messaging';
import { complaintFixture, eventually, http, RunningService, startServiceForTest } from '@oversight/testing';
import { EngineClient } from '@oversight/workflow';
import { AppModule } from '../../apps/justice-bureau/src/app.module';
import { ComplaintRegisteredConsumer } from '../../apps/justice-bureau/src/complaint/complaint-registered.consumer';
import { RecordAcceptanceDecisionWorker } from '../../apps/justice-bureau/src/complaint/workers/record-acceptance-decision.worker';
import { buildDataSourceOptions } from '../../apps/justice-bureau/src/justice-bureau.datasource';

const COMPLAINTS = 24;
const ENGINE_REST = `${process.env.ENGINE_URL}/engine-rest`;

/** What one replica did, seen through its own handler, worker and relay instances. */
interface ReplicaWork {
  handled: string[]; // complaint ids whose registered event this replica's consumer handled
  decided: string[]; // complaint ids whose decision job this replica's worker ran
  relayed: number; // outbox rows this replica's relay published
}

/**
 * Two instances of justice-bureau on one database, one Kafka consumer group and one engine, as a
 * cluster runs them: they split the consumed events, the engine's jobs and the outbox relaying, and no
 * piece of work happens twice.
 */
describe('justice-bureau with two replicas', () => {
  const replicas: RunningService[] = [];
  const work: ReplicaWork[] = [];
  let db: DataSource;
  let engine: EngineClient;
  let kafka: Kafka;

  beforeAll(async () => {
    const config = loadConfig(ServiceConfig, { ...process.env, BPMN_DIR: `${__dirname}/../../bpmn` });
    // Both at once, as a rollout starts them: both migrate and deploy the BPMN concurrently.
    replicas.push(
      ...(await Promise.all(
        [0, 1].map(() =>
          startServiceForTest({
            service: SERVICE.justiceBureau,
            module: AppModule.forRoot(config),
            dataSource: buildDataSourceOptions(config.databaseUrl),
          }),
        ),
      )),
    );
    db = replicas[0].app.get(DataSource);
    engine = replicas[0].app.get(EngineClient);
    kafka = new Kafka({
      clientId: 'two-replicas-test',
      brokers: config.kafkaBrokers,
      logLevel: logLevel.WARN,
    });
    for (const replica of replicas) work.push(observe(replica));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
  });

  /** Records what a replica does by wrapping its own handler, worker and relay; their behaviour is unchanged. */
  function observe(replica: RunningService): ReplicaWork {
    const seen: ReplicaWork = { handled: [], decided: [], relayed: 0 };
    const consumer = replica.app.get(ComplaintRegisteredConsumer);
    // Events come one at a time (handle) or several at once (handleBatch); handle goes through handleBatch.
    const handleBatch = consumer.handleBatch.bind(consumer);
    jest.spyOn(consumer, 'handleBatch').mockImplementation(async (events, manager) => {
      await handleBatch(events, manager);
      seen.handled.push(...events.map((e) => e.data.complaintId));
    });
    const worker = replica.app.get(RecordAcceptanceDecisionWorker);
    const run = worker.handle.bind(worker);
    jest.spyOn(worker, 'handle').mockImplementation(async (job, manager) => {
      const result = await run(job, manager);
      seen.decided.push(job.businessKey ?? '');
      return result;
    });
    const relay = replica.app.get(OutboxRelayService);
    const publish = relay.publishBatch.bind(relay);
    jest.spyOn(relay, 'publishBatch').mockImplementation(async () => {
      const n = await publish();
      seen.relayed += n;
      return n;
    });
    return seen;
  }

  it('creates the schema once when both replicas migrate at the same moment', async () => {
    const rows = await db.query(`SELECT name FROM justice_bureau.migration ORDER BY id`);
    // Each migration of the service exactly once, none twice.
    const expected = (buildDataSourceOptions('postgres://unused').migrations as { name: string }[]).map(
      (m) => m.name,
    );
    // Migrations run in timestamp order, whatever order the data source lists them in.
    const stamp = (name: string) => Number(/\d{13}/.exec(name)?.[0] ?? 0);
    expected.sort((a, b) => stamp(a) - stamp(b));
    expect(rows.map((r: { name: string }) => r.name)).toEqual(expected);
  });

  it('shares the consumer group: each replica owns some partitions of the consumed topic', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const owners = await eventually(
        async () => {
          const {
            groups: [group],
          } = await admin.describeGroups([SERVICE.justiceBureau]);
          if (group.state !== 'Stable' || group.members.length !== 2) return false;
          const partitions = group.members.map((m) => {
            const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
            return decoded?.assignment[TOPIC.complaintRegistered] ?? [];
          });
          return partitions.every((p) => p.length > 0) && partitions;
        },
        { timeoutMs: 60000, what: 'a stable group of two members, each with partitions' },
      );
      // Every partition of the topic (KAFKA_TOPIC_PARTITIONS, default 8) is owned by exactly one replica.
      const { topics } = await admin.fetchTopicMetadata({ topics: [TOPIC.complaintRegistered] });
      const all = topics[0]!.partitions.map((p) => p.partitionId).sort((a, b) => a - b);
      expect(all).toHaveLength(8);
      expect(owners.flat().sort((a, b) => a - b)).toEqual(all);
    } finally {
      await admin.disconnect();
    }
  });

  it('splits events, jobs and relaying between the replicas, and does each piece of work once', async () => {
    // Intake alternates between the replicas, as a load balancer would.
    const ids: string[] = [];
    for (let i = 0; i < COMPLAINTS; i += 1) {
      const { status, body } = await http<{ id: string }>(
        'POST',
        `${replicas[i % 2].url}/api/public/complaints`,
        complaintFixture({ summary: `两个副本的投诉 ${i}` }),
      );
      expect(status).toBe(201);
      ids.push(body.id);
    }

    // Each complaint's acceptance review appears once; completing it creates the decision job.
    for (const id of ids) {
      const task = await eventually(
        async () => (await engine.listTasks({ processInstanceBusinessKey: id }))[0],
        {
          what: `the review task of ${id}`,
        },
      );
      await engine.completeTask(task.id, { decision: 'accept' });
      // Spread the jobs out: a worker that just ran a job polls again at once and then backs off
      // (100 ms → 1 s), so jobs created back to back would mostly go to whichever worker is busy.
      await new Promise((r) => setTimeout(r, 400));
    }
    await eventually(
      async () => {
        const [row] = await db.query(
          `SELECT count(*)::int AS n FROM justice_bureau.complaint WHERE id = ANY($1) AND status = 'accepted'`,
          [ids],
        );
        return row.n === COMPLAINTS;
      },
      { timeoutMs: 60000, what: 'every complaint to be accepted' },
    );

    // The work was split ...
    const mine = (list: string[]) => list.filter((id) => ids.includes(id));
    for (const replica of work) {
      expect(mine(replica.handled).length).toBeGreaterThan(0);
      expect(mine(replica.decided).length).toBeGreaterThan(0);
      expect(replica.relayed).toBeGreaterThan(0);
    }
    // ... and nothing was done twice: each event handled once, each job run once.
    expect(mine(work.flatMap((w) => w.handled)).sort()).toEqual([...ids].sort());
    expect(mine(work.flatMap((w) => w.decided)).sort()).toEqual([...ids].sort());

    // One process instance per complaint, running or ended.
    for (const id of ids) {
      const instances = await engine.historicProcessInstances({
        businessKey: id,
        processDefinitionKey: PROCESS.complaintHandling,
      });
      expect(instances).toHaveLength(1);
    }
    // The engine ran each decision step once: one finished activity instance per process (the engine's
    // history level, audit, keeps activities but not the external-task log of level full). A failed
    // delivery would have been retried, and shown above as a job decided twice.
    const steps = await engineHistory<{
      processInstanceId: string;
      canceled: boolean;
      endTime: string | null;
    }>(
      `/history/activity-instance?activityId=record-acceptance-decision&processDefinitionKey=${PROCESS.complaintHandling}`,
    );
    const instanceIds = await Promise.all(
      ids.map(async (id) => (await engine.historicProcessInstances({ businessKey: id }))[0].id),
    );
    const completions = steps.filter((l) => instanceIds.includes(l.processInstanceId));
    expect(completions).toHaveLength(COMPLAINTS);
    expect(new Set(completions.map((l) => l.processInstanceId)).size).toBe(COMPLAINTS);
    expect(completions.every((l) => l.endTime !== null && !l.canceled)).toBe(true);

    // Each job's side effects once: one decided event per complaint in the outbox.
    const [decided] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT message_key)::int AS keys
         FROM justice_bureau.outbox_message WHERE topic = $1 AND message_key = ANY($2)`,
      [TOPIC.complaintAcceptanceDecided, ids],
    );
    expect(decided).toEqual({ n: COMPLAINTS, keys: COMPLAINTS });

    // Each outbox event reached Kafka once: three events per complaint, no copies.
    const topics = [
      TOPIC.complaintRegistered,
      TOPIC.complaintProcessStarted,
      TOPIC.complaintAcceptanceDecided,
    ];
    const received = await readTopics(topics, (e) => ids.includes(e.subject), 3 * COMPLAINTS);
    expect(received).toHaveLength(3 * COMPLAINTS);
    expect(new Set(received.map((e) => e.id)).size).toBe(3 * COMPLAINTS);
    for (const topic of topics) {
      expect(
        received
          .filter((e) => e.type === topic)
          .map((e) => e.subject)
          .sort(),
      ).toEqual([...ids].sort());
    }
    const [unpublished] = await db.query(
      `SELECT count(*)::int AS n FROM justice_bureau.outbox_message WHERE published_at IS NULL AND message_key = ANY($1)`,
      [ids],
    );
    expect(unpublished.n).toBe(0);
  });

  it('keeps the order of each key when both relays publish at once', async () => {
    const topic = 'justice-bureau.replica-order-check.recorded.v1';
    const keys = ['k-a', 'k-b', 'k-c'];
    const perKey = 60;
    const outbox = replicas[0].app.get(OutboxService);
    // One transaction per event, so each row has its own creation time; both relays are kicked.
    for (let seq = 0; seq < perKey; seq += 1) {
      for (const key of keys) {
        await db.transaction((m) => outbox.record(m, { topic, subject: key, data: { seq } }));
      }
      if (seq % 10 === 0) for (const replica of replicas) replica.app.get(OutboxService).kick();
    }
    for (const replica of replicas) replica.app.get(OutboxService).kick();

    const received = await readTopics([topic], () => true, keys.length * perKey);
    expect(received).toHaveLength(keys.length * perKey);
    for (const key of keys) {
      const sequence = received.filter((e) => e.subject === key).map((e) => (e.data as { seq: number }).seq);
      expect(sequence).toEqual(Array.from({ length: perKey }, (_, i) => i));
    }
  });

  it('purges the outbox on one replica at a time, each old row once', async () => {
    const old = await db.query(
      `INSERT INTO justice_bureau.outbox_message (id, topic, message_key, envelope, created_at, published_at)
       SELECT gen_random_uuid(), 'justice-bureau.purge-check.recorded.v1', 'purge', '{}'::jsonb,
              now() - interval '400 hours', now() - interval '400 hours'
         FROM generate_series(1, 10) RETURNING id`,
    );
    const remaining = async () =>
      (
        await db.query(`SELECT count(*)::int AS n FROM justice_bureau.outbox_message WHERE id = ANY($1)`, [
          old.map((r: { id: string }) => r.id),
        ])
      )[0].n as number;
    const relays = replicas.map((r) => r.app.get(OutboxRelayService));

    // While someone else holds the purge lock, every replica skips its round.
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `oversight:outbox-purge:${SERVICE.justiceBureau}`,
      ]);
      expect(await Promise.all(relays.map((r) => r.purge()))).toEqual([null, null]);
      expect(await remaining()).toBe(10);
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }

    // Both replicas due at once: the rows go once, whoever runs.
    const outcomes = await Promise.all(relays.map((r) => r.purge()));
    const deleted = outcomes.filter((n): n is number => n !== null);
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.reduce((a, b) => a + b, 0)).toBe(10);
    expect(await remaining()).toBe(0);
  });

  /** Reads `topics` from the beginning with a fresh group until `expected` matching events arrived, then a little longer. */
  async function readTopics(
    topics: string[],
    matches: (e: EventEnvelope) => boolean,
    expected: number,
  ): Promise<EventEnvelope[]> {
    const received: EventEnvelope[] = [];
    const consumer = kafka.consumer({ groupId: `two-replicas-reader-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value!.toString()) as EventEnvelope;
        if (matches(envelope)) received.push(envelope);
      },
    });
    try {
      await eventually(() => received.length >= expected, {
        timeoutMs: 60000,
        what: `${expected} events on ${topics.join(', ')}`,
      });
      await new Promise((r) => setTimeout(r, 1500)); // a copy, if any, would arrive now
    } finally {
      await consumer.disconnect();
    }
    return received;
  }
});

async function engineHistory<T>(path: string): Promise<T[]> {
  const response = await fetch(`${ENGINE_REST}${path}`);
  if (!response.ok) throw new Error(`engine ${path}: HTTP ${response.status}`);
  return (await response.json()) as T[];
}
