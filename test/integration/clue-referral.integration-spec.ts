import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, RecordMetadata } from 'kafkajs';
import {
  ClueReceiptIssuedV1,
  ClueResultReportedV1,
  ClueStatusReportedV1,
  EventEnvelope,
  PROCESS,
  TOPIC,
  USER_TASK,
} from '@oversight/contracts';
import {
  AS_HEAD,
  AS_STAFF,
  asAgency,
  complaintFixture,
  EngineClock,
  eventually,
  http,
  authenticate,
} from '@oversight/testing';
import { ClueSystem, startClueSystem } from './clue-system';

const JW = { 'x-oversight-org': 'jw', 'x-oversight-user': 'jw-clerk-chen', 'x-oversight-roles': 'clerk' };
const JW_HEAD = { ...JW, 'x-oversight-user': 'jw-head-zhou', 'x-oversight-roles': 'head' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface FieldError {
  field: string;
  zh: string;
  en: string;
}
interface ErrorBody {
  message: { zh: string; en: string };
  fields?: FieldError[];
}
interface Feedback {
  dueAt: string;
  escalateAt: string;
  late: boolean | null;
}
interface Referral {
  id: string;
  referenceNo: string | null;
  status: string;
  missing: FieldError[];
  evidence: {
    id: string;
    itemNo: number;
    description: string;
    filename: string | null;
    sha256: string | null;
  }[];
  subjects: { name: string; identity?: string; rank?: string; position?: string; org?: string }[];
  facts: string | null;
  sourceType: string;
  sourceRef: string;
  outcome: string | null;
  closedAt: string | null;
  escalatedAt: string | null;
  approvalComment: string | null;
  feedback: {
    receipt: Feedback & { registrationNo: string | null; receivedAt: string | null };
    status: Feedback & { latest: string | null; reports: Record<string, unknown>[] };
    result: Feedback & {
      outcome: string | null;
      disposal: string | null;
      result: string | null;
      conclusion: string | null;
    };
  } | null;
  notices: { feedback: string; level: string; dueAt: string }[];
}
interface Clue {
  id: string;
  status: string;
  registrationNo: string | null;
  referenceNo: string;
  disposal: string | null;
  jurisdiction: string | null;
  forwardedTo: string | null;
  result: string | null;
  conclusion: string | null;
  evidence: { itemNo: number; description: string; sha256?: string }[];
  subjects: unknown[];
  workingNotes: { step: string; note: string }[];
  reminders: { feedback: string }[];
  jurisdictionOverdueAt: string | null;
}
interface Transfer {
  id: string;
  sourceRef: string;
  sender: string;
  receiver: string;
  status: string;
  overdue: boolean;
  closedAt: string | null;
  history: { eventId: string; status: string | null; eventType: string }[];
}

/** A complete referral letter; tests vary it. */
const letter = (overrides: Record<string, unknown> = {}) => ({
  sourceType: 'supervision-finding',
  sourceRef: `JD-2026-${Math.floor(Math.random() * 9000) + 1000}`,
  subjects: [
    {
      name: '王某',
      identity: '中共党员、行政执法人员',
      rank: '一级科员',
      org: 'scjg',
      position: '执法大队队员',
    },
  ],
  facts: '2026年10月执法检查中，王某对同一违法行为未经法制审核即作出减轻处罚决定，并收受当事人财物。',
  legalBasis: '《中华人民共和国监察法》第三十四条；《行政执法机关移送涉嫌犯罪案件的规定》第十八条',
  suggestedDisposal: '建议予以初步核实',
  ...overrides,
});

describe('problem-clue referral between the justice bureau and the discipline commission', () => {
  let system: ClueSystem;
  const clock = new EngineClock(process.env.ENGINE_URL!);

  beforeAll(async () => {
    system = await startClueSystem();
  });

  afterAll(async () => {
    await clock.reset().catch(() => undefined);
    await system?.stop();
  });

  const jb = (path: string) => `${system.justiceBureau.url}/api${path}`;
  const jw = (path: string) => `${system.commission!.url}/api/discipline${path}`;

  async function act<T = unknown>(
    url: string,
    body: unknown,
    headers: Record<string, string>,
    expected = 202,
  ) {
    const res = await http<T>('POST', url, body, headers);
    if (res.status !== expected) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function waitForTask(processKey: string, businessKey: string, taskKey: string) {
    await eventually(
      async () =>
        (
          await system.engine.listTasks({
            processDefinitionKey: processKey,
            processInstanceBusinessKey: businessKey,
            taskDefinitionKey: taskKey,
          })
        ).length === 1,
      { what: `${processKey} ${taskKey} of ${businessKey}`, timeoutMs: 45000 },
    );
  }

  const referral = async (id: string) =>
    (await http<Referral>('GET', jb(`/clue-referrals/${id}`), undefined, AS_STAFF)).body;
  const clue = async (id: string) => (await http<Clue>('GET', jw(`/clues/${id}`), undefined, JW)).body;

  async function until<T>(read: () => Promise<T>, test: (v: T) => boolean, what: string): Promise<T> {
    return eventually(
      async () => {
        const v = await read();
        return test(v) && v;
      },
      { what, timeoutMs: 45000 },
    );
  }

  async function transferOf(sourceRef: string): Promise<Transfer> {
    const { body } = await http<{ items: Transfer[] }>(
      'GET',
      `${system.liaison.url}/api/liaison/transfers?kind=clue-referral&limit=500`,
      undefined,
      AS_STAFF,
    );
    const row = body.items.find((t) => t.sourceRef === sourceRef);
    if (!row) throw new Error('no transfer yet');
    return (
      await http<Transfer>(
        'GET',
        `${system.liaison.url}/api/liaison/transfers/${row.id}`,
        undefined,
        AS_STAFF,
      )
    ).body;
  }

  /**
   * Drafts a complete referral with one evidence item, submits it and has the head approve it; with
   * `returnOnce`, the head first returns it, and the clerk amends and resubmits it.
   */
  async function sendFromBureau({ returnOnce = false } = {}): Promise<string> {
    const { id } = await act<{ id: string }>(jb('/clue-referrals'), letter(), AS_STAFF, 201);
    await act(
      jb(`/clue-referrals/${id}/evidence`),
      { description: '询问笔录（纸质，机要交换）' },
      AS_STAFF,
      201,
    );
    await waitForTask(PROCESS.bureauClueReferralSending, id, USER_TASK.draftReferral);
    await act(jb(`/clue-referrals/${id}/submission`), undefined, AS_STAFF);
    await waitForTask(PROCESS.bureauClueReferralSending, id, USER_TASK.approveReferral);
    if (returnOnce) {
      const bare = await http<ErrorBody>(
        'POST',
        jb(`/clue-referrals/${id}/approval`),
        { decision: 'return' },
        AS_HEAD,
      );
      expect(bare.status).toBe(400);
      await act(
        jb(`/clue-referrals/${id}/approval`),
        { decision: 'return', comment: '请补充被反映人的职务信息。' },
        AS_HEAD,
      );
      await waitForTask(PROCESS.bureauClueReferralSending, id, USER_TASK.draftReferral);
      const back = await until(
        () => referral(id),
        (r) => r.status === 'drafting',
        'back to drafting',
      );
      expect(back.approvalComment).toBe('请补充被反映人的职务信息。');
      const [subject] = letter().subjects;
      const amended = await http(
        'PATCH',
        jb(`/clue-referrals/${id}`),
        { subjects: [{ ...subject, position: '执法大队副队长' }] },
        AS_STAFF,
      );
      expect(amended.status).toBe(200);
      await act(jb(`/clue-referrals/${id}/submission`), undefined, AS_STAFF);
      await waitForTask(PROCESS.bureauClueReferralSending, id, USER_TASK.approveReferral);
    }
    await act(jb(`/clue-referrals/${id}/approval`), { decision: 'approve' }, AS_HEAD);
    return id;
  }

  async function registeredByCommission(id: string): Promise<Clue> {
    await waitForTask(PROCESS.commissionClueHandling, id, USER_TASK.decideJurisdiction);
    return clue(id);
  }

  /** Keeps a registered clue and takes it through `disposal` to `result`. */
  async function dispose(id: string, disposal: string, result: string) {
    await act(jw(`/clues/${id}/jurisdiction`), { decision: 'keep' }, JW);
    await waitForTask(PROCESS.commissionClueHandling, id, USER_TASK.chooseDisposal);
    await act(jw(`/clues/${id}/disposal`), { disposal, reason: `拟${disposal}：内部研判意见` }, JW);
    if (disposal === 'talk-inquiry' || disposal === 'preliminary-verification') {
      await waitForTask(PROCESS.commissionClueHandling, id, USER_TASK.handleClue);
      await act(jw(`/clues/${id}/handling`), { workingNotes: '核实过程记录（内部）' }, JW);
    }
    await waitForTask(PROCESS.commissionClueHandling, id, USER_TASK.decideClue);
    await act(jw(`/clues/${id}/decision`), { result, conclusion: `经研究，处置结果：${result}` }, JW_HEAD);
  }

  const closedAtBureau = (id: string) =>
    until(
      () => referral(id),
      (r) => r.status === 'closed',
      `referral ${id} closed`,
    );

  async function publish(envelopes: EventEnvelope[], key: string): Promise<RecordMetadata[]> {
    const kafka = new Kafka({ clientId: 'clue-test', brokers: process.env.KAFKA_BROKERS!.split(',') });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const sent: RecordMetadata[] = [];
    try {
      for (const envelope of envelopes) {
        const [meta] = await producer.send({
          topic: envelope.type,
          messages: [{ key, value: JSON.stringify(envelope) }],
        });
        sent.push(meta);
      }
    } finally {
      await producer.disconnect();
    }
    return sent;
  }

  /** Waits until `groupId` committed past every message in `sent`, so their effects (or none) are visible. */
  async function consumed(groupId: string, sent: RecordMetadata[]) {
    const kafka = new Kafka({ clientId: 'clue-test-admin', brokers: process.env.KAFKA_BROKERS!.split(',') });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(
        async () => {
          for (const meta of sent) {
            const [offsets] = await admin.fetchOffsets({ groupId, topics: [meta.topicName] });
            const committed = offsets.partitions.find((p) => p.partition === meta.partition);
            if (!committed || Number(committed.offset) <= Number(meta.baseOffset)) return false;
          }
          return true;
        },
        { what: `${groupId} to consume the copies`, timeoutMs: 45000 },
      );
    } finally {
      await admin.disconnect();
    }
  }

  const outbox = async (schema: string, key: string, topic: string) =>
    (
      (await system.jbDb.query(
        `SELECT envelope FROM ${schema}.outbox_message WHERE message_key = $1 AND topic = $2 ORDER BY created_at`,
        [key, topic],
      )) as { envelope: EventEnvelope }[]
    ).map((r) => r.envelope);

  it('sends a referral the commission registers, keeps, handles by 谈话函询 and decides; the bureau sees every feedback and closes it', async () => {
    // A draft lacking parts is kept, and refused at submission with what it lacks, field by field.
    const created = await http<Referral>(
      'POST',
      `${system.api}/clue-referrals`,
      letter({ subjects: [{ name: '王某', identity: '中共党员、行政执法人员' }], facts: undefined }),
      AS_STAFF,
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.missing.map((m) => m.field)).toEqual(['subjects.0.rank', 'facts', 'evidence']);
    await waitForTask(PROCESS.bureauClueReferralSending, id, USER_TASK.draftReferral);
    const refused = await http<ErrorBody>(
      'POST',
      `${system.api}/clue-referrals/${id}/submission`,
      undefined,
      AS_STAFF,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.message.zh).toContain('移送材料不完整');
    expect(refused.body.message.zh).toContain('证据材料清单');
    expect(refused.body.fields!.map((f) => f.field)).toEqual(['subjects.0.rank', 'facts', 'evidence']);
    expect(refused.body.fields![0]).toEqual({
      field: 'subjects.0.rank',
      zh: '被反映人1的职级：未填写',
      en: 'subjects.0.rank is missing',
    });
    // The head cannot approve what was never submitted.
    const early = await http<ErrorBody>(
      'POST',
      jb(`/clue-referrals/${id}/approval`),
      { decision: 'approve' },
      AS_HEAD,
    );
    expect(early.status).toBe(409);
    expect(early.body.message.zh).toContain('负责人审批');

    // Completed: the rank and facts added, an evidence item with its file and one without.
    await http(
      'PATCH',
      jb(`/clue-referrals/${id}`),
      letter({ sourceType: undefined, sourceRef: undefined }),
      AS_STAFF,
    ).then((r) => expect(r.status).toBe(200));
    const form = new FormData();
    form.append('description', '现场执法记录仪截图及询问笔录');
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), '询问笔录.pdf');
    const upload = await fetch(jb(`/clue-referrals/${id}/evidence`), {
      method: 'POST',
      body: form,
      headers: authenticate(AS_STAFF),
    });
    expect(upload.status).toBe(201);
    await act(
      jb(`/clue-referrals/${id}/evidence`),
      { description: '当事人银行转账凭证（纸质，机要交换）' },
      AS_STAFF,
      201,
    );
    await act(`${system.api}/clue-referrals/${id}/submission`, undefined, AS_STAFF);
    const frozen = await http<ErrorBody>('PATCH', jb(`/clue-referrals/${id}`), { facts: '改' }, AS_STAFF);
    expect(frozen.status).toBe(409);
    await waitForTask(PROCESS.bureauClueReferralSending, id, USER_TASK.approveReferral);
    expect(
      (await http('POST', jb(`/clue-referrals/${id}/approval`), { decision: 'approve' }, AS_STAFF)).status,
    ).toBe(403);
    await act(`${system.api}/clue-referrals/${id}/approval`, { decision: 'approve' }, AS_HEAD);

    // Sent with a reference number; the commission registers it under the same id and issues a receipt.
    const sent = await until(
      () => referral(id),
      (r) => r.feedback?.receipt.registrationNo != null,
      'receipt at the bureau',
    );
    expect(sent.referenceNo).toMatch(/^阳司线移〔\d{4}〕\d+号$/);
    const registered = await registeredByCommission(id);
    expect(registered.registrationNo).toMatch(/^阳纪线登〔\d{4}〕\d+号$/);
    expect(sent.feedback!.receipt.registrationNo).toBe(registered.registrationNo);
    expect(registered.referenceNo).toBe(sent.referenceNo);
    expect(registered.evidence).toEqual([
      expect.objectContaining({
        itemNo: 1,
        description: '现场执法记录仪截图及询问笔录',
        filename: '询问笔录.pdf',
        sha256: sent.evidence[0].sha256,
      }),
      expect.objectContaining({ itemNo: 2, description: '当事人银行转账凭证（纸质，机要交换）' }),
    ]);
    expect((await http('GET', jw(`/clues/${id}`), undefined, AS_STAFF)).status).toBe(403);
    // The file itself stays with the bureau, which serves it to its own staff; the fingerprint went along.
    const file = await fetch(jb(`/clue-referrals/${id}/evidence/${sent.evidence[0].id}`), {
      headers: authenticate(AS_STAFF),
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);

    // The commission keeps it (through the gateway), chooses 谈话函询, handles it and decides.
    await act(`${system.api}/discipline/clues/${id}/jurisdiction`, { decision: 'keep' }, JW);
    const twice = await http<ErrorBody>(
      'POST',
      jw(`/clues/${id}/jurisdiction`),
      { decision: 'return', remark: '重复' },
      JW,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.message.zh).toContain('管辖审查');
    await waitForTask(PROCESS.commissionClueHandling, id, USER_TASK.chooseDisposal);
    const tooEarly = await http('POST', jw(`/clues/${id}/handling`), { workingNotes: '过早' }, JW);
    expect(tooEarly.status).toBe(409);
    const SECRET = `内部工作记录-${randomUUID().slice(0, 8)}`;
    await act(jw(`/clues/${id}/disposal`), { disposal: 'talk-inquiry', reason: `${SECRET}：情节较轻` }, JW);
    await waitForTask(PROCESS.commissionClueHandling, id, USER_TASK.handleClue);
    await act(jw(`/clues/${id}/handling`), { workingNotes: `${SECRET}：已与王某谈话，本人作出说明` }, JW);
    await waitForTask(PROCESS.commissionClueHandling, id, USER_TASK.decideClue);
    expect(
      (await http('POST', jw(`/clues/${id}/decision`), { result: 'education', conclusion: '谈话提醒' }, JW))
        .status,
    ).toBe(403);
    await act(
      jw(`/clues/${id}/decision`),
      {
        result: 'education',
        conclusion: '经谈话函询，对王某进行批评教育。',
        internalOpinion: `${SECRET}：同意`,
      },
      JW_HEAD,
    );

    const closed = await closedAtBureau(id);
    expect(closed.feedback!.status.reports).toEqual([
      expect.objectContaining({ status: 'accepted' }),
      expect.objectContaining({ status: 'disposal-chosen', disposal: 'talk-inquiry' }),
    ]);
    expect(closed.feedback!.result).toMatchObject({
      outcome: 'concluded',
      disposal: 'talk-inquiry',
      result: 'education',
      conclusion: '经谈话函询，对王某进行批评教育。',
      late: false,
    });
    expect(closed.notices).toEqual([]);

    // The commission's working notes stay with it: not in any event, not in the engine, not at the bureau.
    const own = await clue(id);
    expect(own.workingNotes.map((n) => n.step)).toEqual(['choose-disposal', 'handle-clue', 'decide-clue']);
    expect(JSON.stringify(closed)).not.toContain(SECRET);
    const events = await system.jbDb.query(
      `SELECT envelope::text AS e FROM discipline_commission.outbox_message WHERE message_key = $1 OR message_key LIKE $2`,
      [id, `%${id}`],
    );
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events.some((row: { e: string }) => row.e.includes(SECRET))).toBe(false);
    const instances = await system.engine.historicProcessInstances({ businessKey: id });
    const variables = await (
      await fetch(
        `${process.env.ENGINE_URL}/engine-rest/history/variable-instance?processInstanceIdIn=${instances.map((i) => i.id).join(',')}`,
      )
    ).text();
    expect(variables).toContain('talk-inquiry');
    expect(variables).not.toContain(SECRET);

    // Liaison's register shows one transfer, opened by the bureau, moved by the commission, closed.
    const transfer = await until(
      () => transferOf(id),
      (t) => t.closedAt !== null && t.status === 'closed',
      'transfer closed',
    );
    expect(transfer).toMatchObject({ sender: 'sfj', receiver: 'jw', overdue: false });
    expect(transfer.history.map((h) => h.status)).toEqual([
      'sent',
      'received',
      'accepted',
      'disposal:talk-inquiry',
      'concluded',
      'closed',
    ]);
  });

  it('disposes by 初步核实, 暂存待查 and 予以了结, each to a result that fits it', async () => {
    const [verified, shelved, closed] = await Promise.all([
      sendFromBureau(),
      sendFromBureau(),
      sendFromBureau(),
    ]);
    await Promise.all([verified, shelved, closed].map(registeredByCommission));
    await act(jw(`/clues/${shelved}/jurisdiction`), { decision: 'keep' }, JW);
    await waitForTask(PROCESS.commissionClueHandling, shelved, USER_TASK.chooseDisposal);
    await act(
      jw(`/clues/${shelved}/disposal`),
      { disposal: 'shelve', reason: '线索较笼统，暂不具备核查条件' },
      JW,
    );
    // 暂存待查 skips the handling step, and cannot end in a case being filed.
    await waitForTask(PROCESS.commissionClueHandling, shelved, USER_TASK.decideClue);
    const unfit = await http<ErrorBody>(
      'POST',
      jw(`/clues/${shelved}/decision`),
      { result: 'case-filed', conclusion: '立案' },
      JW_HEAD,
    );
    expect(unfit.status).toBe(422);
    expect(unfit.body.message.zh).toContain('暂存待查');
    await act(
      jw(`/clues/${shelved}/decision`),
      { result: 'shelved', conclusion: '线索暂存待查，待条件成熟时再行处置。' },
      JW_HEAD,
    );
    await Promise.all([
      dispose(verified, 'preliminary-verification', 'case-filed'),
      dispose(closed, 'close', 'closed'),
    ]);

    const results = await Promise.all([verified, shelved, closed].map(closedAtBureau));
    expect(results.map((r) => [r.feedback!.result.disposal, r.feedback!.result.result])).toEqual([
      ['preliminary-verification', 'case-filed'],
      ['shelve', 'shelved'],
      ['close', 'closed'],
    ]);
    expect((await clue(verified)).workingNotes.map((n) => n.step)).toEqual([
      'choose-disposal',
      'handle-clue',
    ]);
    expect((await clue(shelved)).workingNotes.map((n) => n.step)).toEqual(['choose-disposal']);
  });

  it('forwards a clue to the competent commission and returns another to the sender; both close at the bureau', async () => {
    const [forwarded, returned] = await Promise.all([sendFromBureau({ returnOnce: true }), sendFromBureau()]);
    const redrafted = await referral(forwarded);
    expect(redrafted.subjects[0].position).toBe('执法大队副队长');
    await Promise.all([forwarded, returned].map(registeredByCommission));
    const noTarget = await http<ErrorBody>(
      'POST',
      jw(`/clues/${forwarded}/jurisdiction`),
      { decision: 'forward' },
      JW,
    );
    expect(noTarget.status).toBe(400);
    expect(new Set(noTarget.body.fields!.map((f) => f.field))).toEqual(new Set(['forwardTo']));
    const noReason = await http<ErrorBody>(
      'POST',
      jw(`/clues/${returned}/jurisdiction`),
      { decision: 'return' },
      JW,
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields!.map((f) => f.field)).toContain('remark');
    await act(
      jw(`/clues/${forwarded}/jurisdiction`),
      { decision: 'forward', forwardTo: '黄石市纪委监委' },
      JW,
    );
    await act(
      jw(`/clues/${returned}/jurisdiction`),
      { decision: 'return', remark: '被反映人系企业人员，不属于监察对象。' },
      JW,
    );

    const [f, r] = await Promise.all([forwarded, returned].map(closedAtBureau));
    expect(f.feedback!.status.latest).toBe('forwarded');
    expect(f.feedback!.status.reports[0]).toMatchObject({
      status: 'forwarded',
      forwardedTo: '黄石市纪委监委',
    });
    expect(f.feedback!.result).toMatchObject({ outcome: 'forwarded' });
    expect(f.feedback!.result.conclusion).toContain('黄石市纪委监委');
    expect(r.feedback!.result).toMatchObject({
      outcome: 'returned',
      conclusion: '被反映人系企业人员，不属于监察对象。',
    });
    expect((await clue(forwarded)).status).toBe('forwarded');
    expect((await clue(returned)).status).toBe('returned');
    const ended = await system.engine.findProcessInstances({
      businessKey: forwarded,
      processDefinitionKey: PROCESS.commissionClueHandling,
    });
    expect(ended).toHaveLength(0);
  });

  it('drafts one referral per complaint when officers’ misconduct is found, however often the event arrives', async () => {
    const { body: complaint } = await http<{ id: string }>(
      'POST',
      jb('/public/complaints'),
      complaintFixture(),
      {},
    );
    await waitForTask(PROCESS.complaintHandling, complaint.id, 'acceptance-review');
    await act(jb(`/complaints/${complaint.id}/acceptance`), { decision: 'accept' }, AS_STAFF);
    await waitForTask(PROCESS.complaintHandling, complaint.id, 'assign-agency');
    await act(jb(`/complaints/${complaint.id}/assignment`), { agencyOrg: 'scjg' }, AS_STAFF);
    await waitForTask(PROCESS.complaintHandling, complaint.id, 'agency-handling');
    await act(
      jb(`/agency/complaints/${complaint.id}/draft-reply`),
      {
        findings: '经查，执法人员李某收取现金罚款未开票属实。',
        draftReply: '已责令退还。',
        substantiated: true,
        officers: [{ name: '李某', position: '执法队员' }],
      },
      asAgency('scjg'),
    );
    await waitForTask(PROCESS.complaintHandling, complaint.id, 'review-draft');
    await act(
      jb(`/complaints/${complaint.id}/review`),
      { decision: 'approve', misconduct: { facts: '执法人员李某违规收取现金罚款。' } },
      AS_STAFF,
    );
    const drafts = async () =>
      (await system.jbDb.query(`SELECT id FROM justice_bureau.clue_referral WHERE source_ref = $1`, [
        complaint.id,
      ])) as {
        id: string;
      }[];
    const [draft] = await until(drafts, (rows) => rows.length === 1, 'the draft');
    const view = await referral(draft.id);
    expect(view).toMatchObject({
      status: 'drafting',
      sourceType: 'complaint',
      facts: '执法人员李某违规收取现金罚款。',
    });
    expect(view.subjects).toEqual([{ name: '李某', position: '执法队员', org: 'scjg' }]);
    expect(view.missing.map((m) => m.field)).toEqual([
      'subjects.0.identity',
      'subjects.0.rank',
      'evidence',
      'legalBasis',
      'suggestedDisposal',
    ]);
    await waitForTask(PROCESS.bureauClueReferralSending, draft.id, USER_TASK.draftReferral);

    // The same event again, and the same finding in a new envelope: still one draft and one process.
    const [found] = await outbox('justice_bureau', complaint.id, TOPIC.complaintMisconductFound);
    await consumed('justice-bureau', await publish([found, { ...found, id: randomUUID() }], complaint.id));
    expect(await drafts()).toHaveLength(1);
    const processes = await system.engine.historicProcessInstances({
      businessKey: draft.id,
      processDefinitionKey: PROCESS.bureauClueReferralSending,
    });
    expect(processes).toHaveLength(1);
  });

  it('registers a referral the commission receives late exactly once; late feedback is reminded, then escalated to the liaison meeting', async () => {
    await system.stopCommission();
    let id: string;
    try {
      id = await sendFromBureau();
      const sent = await until(
        () => referral(id),
        (r) => r.status === 'sent',
        'sent',
      );
      const { receipt, status } = sent.feedback!;
      expect(new Date(receipt.dueAt) < new Date(status.dueAt)).toBe(true);
      expect(new Date(receipt.dueAt) < new Date(receipt.escalateAt)).toBe(true);

      // No receipt by its due date: the commission is reminded; still none after the grace: the meeting.
      await clock.advancePast(receipt.dueAt);
      const reminded = await until(
        () => referral(id),
        (r) => r.notices.length === 1,
        'receipt reminder',
      );
      expect(reminded.notices[0]).toMatchObject({
        feedback: 'receipt',
        level: 'reminder',
        dueAt: receipt.dueAt,
      });
      expect(reminded.escalatedAt).toBeNull();
      await clock.advancePast(receipt.escalateAt);
      const escalated = await until(
        () => referral(id),
        (r) => r.escalatedAt !== null,
        'receipt escalation',
      );
      expect(escalated.notices.map((n) => `${n.feedback}:${n.level}`)).toEqual([
        'receipt:reminder',
        'receipt:escalation',
      ]);
      const flagged = await until(
        () => transferOf(id),
        (t) => t.status === 'receipt-escalated',
        'the transfer flagged',
      );
      expect(flagged.overdue).toBe(true);
      const overdueList = await http<{ items: { id: string; escalatedAt: string | null }[] }>(
        'GET',
        jb('/clue-referrals?overdue=true'),
        undefined,
        AS_STAFF,
      );
      expect(overdueList.body.items.find((r) => r.id === id)?.escalatedAt).not.toBeNull();

      // The commission comes back: the referral waiting in Kafka is registered once, with the reminder.
      await system.startCommission();
      const late = await until(
        () => referral(id),
        (r) => r.feedback!.receipt.registrationNo !== null,
        'the late receipt',
      );
      expect(late.feedback!.receipt.late).toBe(true);
      const registered = await registeredByCommission(id);
      expect(registered.reminders.map((r) => r.feedback)).toEqual(['receipt']);
      // Registered while the engine's clock is two weeks ahead: Art. 171's 5 working days are already past.
      await until(
        () => clue(id),
        (c) => c.jurisdictionOverdueAt !== null,
        'the forwarding deadline flagged',
      );
      const rows = await system.jbDb.query(
        `SELECT count(*)::int AS n FROM discipline_commission.clue WHERE id = $1`,
        [id],
      );
      expect(rows[0].n).toBe(1);

      // The status is late too: reminded, then escalated; the receipt's timers are gone with it.
      await clock.advancePast(status.dueAt);
      await until(
        () => clue(id),
        (c) => c.reminders.some((r) => r.feedback === 'status'),
        'status reminder at the commission',
      );
      await clock.advancePast(status.escalateAt);
      const statusLate = await until(
        () => referral(id),
        (r) => r.notices.length === 4,
        'status escalation',
      );
      expect(statusLate.notices.map((n) => `${n.feedback}:${n.level}`)).toEqual([
        'receipt:reminder',
        'receipt:escalation',
        'status:reminder',
        'status:escalation',
      ]);
      await until(
        () => transferOf(id),
        (t) => t.status === 'status-escalated',
        'the transfer flagged again',
      );
    } finally {
      await clock.reset();
      await system.startCommission();
    }
    await dispose(id, 'close', 'closed');
    const closed = await closedAtBureau(id);
    expect(closed.feedback!.status.late).toBe(true);
    expect(closed.notices).toHaveLength(4);
  });

  it('has one effect when Kafka delivers a referral and its feedback twice, or the referral again in a new envelope', async () => {
    const id = await sendFromBureau();
    await registeredByCommission(id);
    await dispose(id, 'close', 'closed');
    const before = await closedAtBureau(id);
    const feedbackRows = async () =>
      system.jbDb.query(
        `SELECT id, dedupe_key FROM justice_bureau.clue_referral_feedback WHERE referral_id = $1 ORDER BY id`,
        [id],
      );
    const rowsBefore = await feedbackRows();

    const [referralSent] = await outbox('justice_bureau', id, TOPIC.bureauClueReferralSent);
    const feedback = [
      ...(await outbox('discipline_commission', id, TOPIC.commissionClueReceiptIssued)),
      ...(await outbox('discipline_commission', id, TOPIC.commissionClueStatusReported)),
      ...(await outbox('discipline_commission', id, TOPIC.commissionClueResultReported)),
    ];
    expect(feedback.map((e) => e.type)).toEqual([
      TOPIC.commissionClueReceiptIssued,
      TOPIC.commissionClueStatusReported,
      TOPIC.commissionClueStatusReported,
      TOPIC.commissionClueResultReported,
    ]);
    const toCommission = await publish(
      [referralSent, referralSent, { ...referralSent, id: randomUUID() }],
      id,
    );
    const toBureau = await publish([...feedback, ...feedback.map((e) => ({ ...e, id: randomUUID() }))], id);
    await Promise.all([
      consumed('discipline-commission', toCommission),
      consumed('justice-bureau', toBureau),
    ]);

    const clues = await system.jbDb.query(`SELECT status FROM discipline_commission.clue WHERE id = $1`, [
      id,
    ]);
    expect(clues).toEqual([{ status: 'concluded' }]);
    for (const processDefinitionKey of [PROCESS.commissionClueHandling, PROCESS.bureauClueReferralSending]) {
      expect(
        await system.engine.historicProcessInstances({ businessKey: id, processDefinitionKey }),
      ).toHaveLength(1);
    }
    expect(await feedbackRows()).toEqual(rowsBefore);
    const after = await referral(id);
    expect(after.feedback).toEqual(before.feedback);
    expect(after.status).toBe('closed');
  });

  it('takes feedback in any order: the result before the status before the receipt', async () => {
    await system.stopCommission();
    try {
      const id = await sendFromBureau();
      await until(
        () => referral(id),
        (r) => r.status === 'sent',
        'sent',
      );
      const parties = { referralId: id, senderOrg: 'sfj', receiverOrg: 'jw' };
      const from = <T>(type: string, data: T): EventEnvelope<T> => ({
        id: randomUUID(),
        type,
        source: 'discipline-commission',
        time: new Date().toISOString(),
        subject: id,
        data,
      });
      const now = new Date().toISOString();
      await publish(
        [
          from<ClueResultReportedV1>(TOPIC.commissionClueResultReported, {
            ...parties,
            outcome: 'concluded',
            disposal: 'close',
            result: 'closed',
            conclusion: '予以了结。',
            decidedAt: now,
          }),
        ],
        id,
      );
      const concluded = await until(
        () => referral(id),
        (r) => r.status === 'concluded',
        'the result first',
      );
      expect(concluded.feedback!.result.outcome).toBe('concluded');
      // Still waiting for the receipt and the status: the process is not closed by the result alone.
      const active = await system.engine.findProcessInstances({
        businessKey: id,
        processDefinitionKey: PROCESS.bureauClueReferralSending,
      });
      expect(active).toHaveLength(1);
      await publish(
        [
          from<ClueStatusReportedV1>(TOPIC.commissionClueStatusReported, {
            ...parties,
            status: 'disposal-chosen',
            disposal: 'close',
            reportedAt: now,
          }),
          from<ClueReceiptIssuedV1>(TOPIC.commissionClueReceiptIssued, {
            ...parties,
            registrationNo: '阳纪线登〔2026〕999号',
            receivedAt: now,
          }),
        ],
        id,
      );
      const closed = await closedAtBureau(id);
      expect(closed.feedback!.receipt.registrationNo).toBe('阳纪线登〔2026〕999号');
      expect(closed.feedback!.status.latest).toBe('disposal-chosen');
      expect(closed.feedback!.result.result).toBe('closed');
    } finally {
      await system.startCommission();
    }
  });

  it('sends clues of enforcement failings from the commission to the bureau, which keeps and handles one and returns another', async () => {
    const send = async (overrides: Record<string, unknown> = {}) => {
      const { id } = await act<{ id: string }>(
        jw('/clue-referrals'),
        letter({
          sourceType: 'daily-supervision',
          suggestedDisposal: '建议开展行政执法监督，督促整改',
          legalBasis: '《湖北省行政执法条例》；本县双向协作机制',
          ...overrides,
        }),
        JW,
        201,
      );
      await waitForTask(PROCESS.commissionClueReferralSending, id, USER_TASK.draftReferral);
      const incomplete = await http<ErrorBody>('POST', jw(`/clue-referrals/${id}/submission`), undefined, JW);
      expect(incomplete.status).toBe(422);
      expect(incomplete.body.fields!.map((f) => f.field)).toEqual(['evidence']);
      await act(jw(`/clue-referrals/${id}/evidence`), { description: '巡察发现问题清单' }, JW, 201);
      await act(jw(`/clue-referrals/${id}/submission`), undefined, JW);
      await waitForTask(PROCESS.commissionClueReferralSending, id, USER_TASK.approveReferral);
      await act(jw(`/clue-referrals/${id}/approval`), { decision: 'approve' }, JW_HEAD);
      await waitForTask(PROCESS.bureauClueHandling, id, USER_TASK.decideJurisdiction);
      return id;
    };
    const [kept, returned] = await Promise.all([send(), send({ sourceType: 'inspection' })]);

    const received = await http<{ registrationNo: string; referenceNo: string; status: string }>(
      'GET',
      `${system.api}/received-clues/${kept}`,
      undefined,
      AS_STAFF,
    );
    expect(received.body.registrationNo).toMatch(/^阳司线登〔\d{4}〕\d+号$/);
    expect(received.body.referenceNo).toMatch(/^阳纪线移〔\d{4}〕\d+号$/);
    await act(jb(`/received-clues/${kept}/jurisdiction`), { decision: 'keep' }, AS_STAFF);
    await act(
      jb(`/received-clues/${returned}/jurisdiction`),
      { decision: 'return', remark: '属于劳动监察事项，请移送人社部门。' },
      AS_STAFF,
    );
    await waitForTask(PROCESS.bureauClueHandling, kept, USER_TASK.handleClue);
    await act(
      jb(`/received-clues/${kept}/handling`),
      { measure: 'supervision-advice', workingNotes: '调阅案卷12件（内部）' },
      AS_STAFF,
    );
    await waitForTask(PROCESS.bureauClueHandling, kept, USER_TASK.decideClue);
    expect(
      (
        await http(
          'POST',
          jb(`/received-clues/${kept}/decision`),
          { result: 'advice-issued', conclusion: '已制发建议书' },
          AS_STAFF,
        )
      ).status,
    ).toBe(403);
    await act(
      jb(`/received-clues/${kept}/decision`),
      { result: 'advice-issued', conclusion: '已向县市场监督管理局制发行政执法监督建议书，责令整改。' },
      AS_HEAD,
    );

    const view = (id: string) =>
      until(
        async () => (await http<Referral>('GET', jw(`/clue-referrals/${id}`), undefined, JW)).body,
        (r) => r.status === 'closed',
        `commission referral ${id} closed`,
      );
    const [k, r] = await Promise.all([view(kept), view(returned)]);
    expect(k.referenceNo).toMatch(/^阳纪线移/);
    expect(k.feedback!.result).toMatchObject({ outcome: 'concluded', result: 'advice-issued' });
    expect(JSON.stringify(k)).not.toContain('调阅案卷12件');
    expect(r.feedback!.result).toMatchObject({
      outcome: 'returned',
      conclusion: '属于劳动监察事项，请移送人社部门。',
    });
    const transfer = await until(
      () => transferOf(kept),
      (t) => t.closedAt !== null,
      'the reverse transfer closed',
    );
    expect(transfer).toMatchObject({ sender: 'jw', receiver: 'sfj' });
    expect(transfer.history.map((h) => h.status)).toEqual([
      'sent',
      'received',
      'accepted',
      'concluded',
      'closed',
    ]);
  });
});
