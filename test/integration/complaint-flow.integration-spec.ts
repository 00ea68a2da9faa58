import { Kafka, Partitioners, RecordMetadata } from 'kafkajs';
import { deadLetterTopic, EventEnvelope, PROCESS, TOPIC } from '@oversight/contracts';
import { AS_STAFF, complaintFixture, EngineClock, engineState, eventually, http } from '@oversight/testing';
import { startSystem, System } from './system';

interface Receipt {
  id: string;
  trackingCode: string;
  status: string;
  acceptanceDueAt: string;
}
interface TaskList {
  total: number;
  items: {
    id: string;
    businessKey: string;
    name: string;
    taskDefinitionKey: string;
    processDefinitionKey: string;
    due: string;
  }[];
}
interface Transfer {
  id: string;
  sourceRef: string;
  status: string;
  overdue: boolean;
  closedAt: string | null;
  history: { eventId: string; status: string | null; eventType: string }[];
}

describe('complaint intake to acceptance, across gateway, justice-bureau, engine, tasklist and liaison', () => {
  let system: System;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function fileComplaint(overrides: Record<string, unknown> = {}): Promise<Receipt> {
    const { status, body } = await http<Receipt>(
      'POST',
      `${system.api}/public/complaints`,
      complaintFixture(overrides),
    );
    expect(status).toBe(201);
    return body;
  }

  async function taskFor(complaintId: string) {
    return eventually(
      async () => {
        const { body } = await http<TaskList>(
          'GET',
          `${system.api}/tasks?candidateGroup=sfj&businessKey=${complaintId}`,
          undefined,
          AS_STAFF,
        );
        return body.items[0];
      },
      { what: `the acceptance task of ${complaintId}` },
    );
  }

  async function transferOf(complaintId: string): Promise<Transfer> {
    const { body } = await http<{ items: Transfer[] }>(
      'GET',
      `${system.api}/liaison/transfers?kind=complaint-intake&limit=500`,
      undefined,
      AS_STAFF,
    );
    const row = body.items.find((t) => t.sourceRef === complaintId);
    if (!row) throw new Error('no transfer yet');
    return (await http<Transfer>('GET', `${system.api}/liaison/transfers/${row.id}`, undefined, AS_STAFF))
      .body;
  }

  it('takes a complaint from the gateway to a completed acceptance review, recorded by liaison', async () => {
    const receipt = await fileComplaint();
    expect(receipt.trackingCode).toMatch(/^TS\d{8}-[A-Z2-9]{6}$/);
    expect(receipt.status).toBe('registered');

    const task = await taskFor(receipt.id);
    expect(task.name).toBe('受理审查');
    expect(task.taskDefinitionKey).toBe('acceptance-review');
    expect(task.processDefinitionKey).toBe(PROCESS.complaintHandling);
    expect(new Date(task.due).toISOString()).toBe(receipt.acceptanceDueAt);

    const done = await http<{ alreadyCompleted: boolean }>(
      'POST',
      `${system.api}/tasks/${task.id}/complete`,
      {
        variables: { decision: 'accept' },
      },
      AS_STAFF,
    );
    expect(done.status).toBe(200);
    expect(done.body.alreadyCompleted).toBe(false);

    // Up to 90 s: once, in a full CI run where this spec ran right after the acceptance-campaign spec (which
    // moves the engine's clock and back), this step took over 30 s; the cause was not found. A timeout now
    // says what the engine held for the complaint.
    const complaint = await eventually(
      async () => {
        const { body } = await http<{ status: string; decision: string }>(
          'GET',
          `${system.api}/complaints/${receipt.id}`,
          undefined,
          AS_STAFF,
        );
        return body.status === 'accepted' && body;
      },
      { what: 'the complaint to be accepted', timeoutMs: 90000 },
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await engineState(process.env.ENGINE_URL!, receipt.id)}`);
    });
    expect(complaint.decision).toBe('accept');

    // Accepted: the process moves on to assignment (交办).
    await eventually(
      async () =>
        (
          await system.engine.listTasks({
            processInstanceBusinessKey: receipt.id,
            taskDefinitionKey: 'assign-agency',
          })
        ).length === 1,
      { what: 'the assignment task to open' },
    );
    const transfer = await eventually(async () => {
      const t = await transferOf(receipt.id);
      return t.status === 'accepted' && t;
    });
    expect(transfer.closedAt).not.toBeNull();
    expect(transfer.history.map((h) => h.status)).toEqual(['registered', 'in-review', 'accepted']);
  });

  it('answers a repeated completion of the same task once, without completing anything twice', async () => {
    const receipt = await fileComplaint();
    const task = await taskFor(receipt.id);
    const first = await http(
      'POST',
      `${system.api}/tasks/${task.id}/complete`,
      {
        variables: { decision: 'reject', reason: '不属于行政执法投诉范围' },
      },
      AS_STAFF,
    );
    const second = await http<{ alreadyCompleted: boolean }>(
      'POST',
      `${system.api}/tasks/${task.id}/complete`,
      {
        variables: { decision: 'reject', reason: '不属于行政执法投诉范围' },
      },
      AS_STAFF,
    );
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.alreadyCompleted).toBe(true);
  });

  it('rejects a malformed complaint with field errors in Chinese and English, and writes nothing', async () => {
    // Other complaints' events keep flowing meanwhile, so count only what a registration writes.
    const count = () =>
      system.jbDb.query(
        `SELECT (SELECT count(*) FROM justice_bureau.complaint)::int AS complaints,
                (SELECT count(*) FROM justice_bureau.complainant)::int AS complainants,
                (SELECT count(*) FROM justice_bureau.outbox_message WHERE topic = $1)::int AS registered`,
        [TOPIC.complaintRegistered],
      );
    const before = await count();
    const { status, body } = await http<{
      fields: { field: string; zh: string; en: string }[];
      message: { zh: string };
    }>(
      'POST',
      `${system.api}/public/complaints`,
      complaintFixture({
        summary: '',
        category: 'gossip',
        complainant: { name: '李四', phone: '12345' },
        extra: 1,
      }),
    );
    expect(status).toBe(400);
    expect(body.message.zh).toContain('有误');
    const fields = body.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['summary', 'category', 'complainant.phone', 'extra']));
    expect(body.fields.find((f) => f.field === 'summary')).toMatchObject({
      zh: '事由摘要：不能为空',
      en: 'summary must not be empty',
    });
    expect(await count()).toEqual(before);
  });

  it('refuses a complaint against an organisation that does not exist with 422', async () => {
    const { status, body } = await http<{ message: { zh: string; en: string } }>(
      'POST',
      `${system.api}/public/complaints`,
      complaintFixture({ respondentOrg: 'nosuch' }),
    );
    expect(status).toBe(422);
    expect(body.message.zh).toContain('nosuch');
    expect(body.message.en).toContain('Unknown organisation');
  });

  it('keeps a task open when its form is filled in wrongly', async () => {
    const receipt = await fileComplaint();
    const task = await taskFor(receipt.id);
    const { status, body } = await http<{ fields: { field: string }[] }>(
      'POST',
      `${system.api}/tasks/${task.id}/complete`,
      {
        variables: { decision: 'reject' },
      },
      AS_STAFF,
    );
    expect(status).toBe(400);
    expect(body.fields.map((f) => f.field)).toEqual(['reason']);
    expect((await taskFor(receipt.id)).id).toBe(task.id);
    expect((await http('GET', `${system.api}/tasks/00000000-no-such-task`, undefined, AS_STAFF)).status).toBe(
      404,
    );
  });

  it('has one effect when Kafka delivers every event of a complaint twice', async () => {
    const receipt = await fileComplaint();
    const task = await taskFor(receipt.id);
    await http(
      'POST',
      `${system.api}/tasks/${task.id}/complete`,
      { variables: { decision: 'accept' } },
      AS_STAFF,
    );
    const before = await eventually(async () => {
      const t = await transferOf(receipt.id);
      return t.status === 'accepted' && t.history.length === 3 && t;
    });
    const envelopes = (
      (await system.jbDb.query(
        `SELECT envelope FROM justice_bureau.outbox_message WHERE message_key = $1 ORDER BY created_at`,
        [receipt.id],
      )) as { envelope: EventEnvelope }[]
    ).map((r) => r.envelope);
    expect(envelopes.map((e) => e.type)).toEqual([
      TOPIC.complaintRegistered,
      TOPIC.complaintProcessStarted,
      TOPIC.complaintAcceptanceDecided,
    ]);

    // Every event again, as a producer retry or a relay crash after sending would do.
    const kafka = new Kafka({ clientId: 'duplicate-test', brokers: process.env.KAFKA_BROKERS!.split(',') });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const sent: RecordMetadata[] = [];
    for (const envelope of envelopes) {
      const [meta] = await producer.send({
        topic: envelope.type,
        messages: [{ key: receipt.id, value: JSON.stringify(envelope) }],
      });
      sent.push(meta);
    }
    await producer.disconnect();

    // Wait until both consumer groups have consumed past the copies, so the checks below see their effect.
    const admin = kafka.admin();
    await admin.connect();
    const consumedPast = async (groupId: string, topic: string) => {
      const meta = sent.find((m) => m.topicName === topic)!;
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committed = offsets.partitions.find((p) => p.partition === meta.partition)!;
      return Number(committed.offset) > Number(meta.baseOffset);
    };
    try {
      await eventually(
        async () =>
          (await consumedPast('justice-bureau', TOPIC.complaintRegistered)) &&
          (await consumedPast('liaison', TOPIC.complaintRegistered)) &&
          (await consumedPast('liaison', TOPIC.complaintProcessStarted)) &&
          (await consumedPast('liaison', TOPIC.complaintAcceptanceDecided)),
        { what: 'the copies to be consumed' },
      );
    } finally {
      await admin.disconnect();
    }

    const after = await transferOf(receipt.id);
    expect(after.history.map((h) => h.eventId)).toEqual(before.history.map((h) => h.eventId));
    expect(after.status).toBe('accepted');
    // No second process instance for the complaint, running or ended.
    const instances = await system.engine.historicProcessInstances({
      businessKey: receipt.id,
      processDefinitionKey: PROCESS.complaintHandling,
    });
    expect(instances).toHaveLength(1);
  });

  it('raises an overdue notice when the acceptance deadline passes, once the engine clock is advanced', async () => {
    const clock = new EngineClock(process.env.ENGINE_URL!);
    const receipt = await fileComplaint();
    await taskFor(receipt.id);
    const overdueAt = async () =>
      (
        await system.jbDb.query(`SELECT overdue_at FROM justice_bureau.complaint WHERE id = $1`, [receipt.id])
      )[0].overdue_at;
    expect(await overdueAt()).toBeNull();
    try {
      await clock.advancePast(receipt.acceptanceDueAt);
      await eventually(async () => (await overdueAt()) !== null, {
        what: 'the overdue notice',
        timeoutMs: 45000,
      });
    } finally {
      await clock.reset();
    }
    const transfer = await eventually(async () => {
      const t = await transferOf(receipt.id);
      return t.overdue && t;
    });
    expect(transfer.history.map((h) => h.eventType)).toContain(TOPIC.complaintSupervisionNotice);
    // The boundary timer does not cancel the review: the task is still there to be done.
    expect((await taskFor(receipt.id)).name).toBe('受理审查');
  });

  it('reports every dependency of every service as up on /health, and documents its API', async () => {
    for (const service of [system.justiceBureau, system.tasklist, system.liaison]) {
      const { status, body } = await http<{ status: string; components: Record<string, { status: string }> }>(
        'GET',
        `${service.url}/health`,
      );
      expect(status).toBe(200);
      expect(Object.keys(body.components).sort()).toEqual(['database', 'engine', 'kafka']);
      expect(Object.values(body.components).every((c) => c.status === 'up')).toBe(true);
    }
    const docs = await http<{ paths: Record<string, unknown> }>(
      'GET',
      `${system.justiceBureau.url}/docs-json`,
    );
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/complaints',
        '/api/public/complaints',
        '/open311/v2/requests',
        '/health',
      ]),
    );
    const gateway = await http<{ components: Record<string, { status: string }> }>(
      'GET',
      `${system.gateway.url}/health`,
    );
    expect(gateway.body.components.tasklist.status).toBe('up');
  });

  it('dead-letters a poison message and one its handler keeps failing on, and goes on with the next', async () => {
    const kafka = new Kafka({ clientId: 'dlq-test', brokers: process.env.KAFKA_BROKERS!.split(',') });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const key = 'dlq-test-key';
    const orphan: EventEnvelope = {
      id: '5e0e1e5e-0000-4000-8000-000000000002',
      type: TOPIC.complaintRegistered,
      source: 'test',
      time: new Date().toISOString(),
      subject: '00000000-0000-4000-8000-00000000dead',
      data: { complaintId: '00000000-0000-4000-8000-00000000dead' },
    };
    await producer.send({
      topic: TOPIC.complaintSupervisionNotice,
      messages: [{ key, value: 'this is not an event' }],
    });
    await producer.send({
      topic: TOPIC.complaintRegistered,
      messages: [{ key, value: JSON.stringify(orphan) }],
    });
    await producer.disconnect();

    const seen: { topic: string; reason: string }[] = [];
    const consumer = kafka.consumer({ groupId: `dlq-reader-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({
      topics: [deadLetterTopic(TOPIC.complaintSupervisionNotice), deadLetterTopic(TOPIC.complaintRegistered)],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        if (message.key?.toString() === key)
          seen.push({ topic, reason: String(message.headers?.['dlq-reason']) });
      },
    });
    try {
      await eventually(() => seen.length >= 2 && seen, { timeoutMs: 60000, what: 'both dead letters' });
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        { topic: deadLetterTopic(TOPIC.complaintSupervisionNotice), reason: 'poison message: not JSON' },
        expect.objectContaining({
          topic: deadLetterTopic(TOPIC.complaintRegistered),
          reason: expect.stringMatching(/ComplaintRegisteredConsumer failed 3x: complaint .* does not exist/),
        }),
      ]),
    );
    // Consumption went on: a new complaint still reaches liaison.
    const receipt = await fileComplaint();
    await eventually(() => transferOf(receipt.id));
  });
});
