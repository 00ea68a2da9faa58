import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import {
  EventEnvelope,
  JOB,
  PROCESS,
  SupervisionCaseChangedV1,
  SupervisionCaseRequestedV1,
  TOPIC,
  TRANSFER_KIND,
  USER_TASK,
} from '@oversight/contracts';
import {
  AS_ADMIN,
  AS_HEAD,
  AS_STAFF,
  asAgency,
  authenticate,
  EngineClock,
  engineState,
  eventually,
  http,
  pdfText,
} from '@oversight/testing';
import { JobHandler, LockedJob, PlainVariables, toEngineVariables } from '@oversight/workflow';
import { SupervisionCaseOpenedConsumer } from '../../apps/justice-bureau/src/supervision-case/supervision-case-opened.consumer';
import { SupervisionCaseRequestedConsumer } from '../../apps/justice-bureau/src/supervision-case/supervision-case-requested.consumer';
import { RaiseSupervisionCaseNoticeWorker } from '../../apps/justice-bureau/src/supervision-case/workers/raise-supervision-case-notice.worker';
import { RecordSupervisionFilingWorker } from '../../apps/justice-bureau/src/supervision-case/workers/record-supervision-filing.worker';
import { RecordSupervisionHandlingWorker } from '../../apps/justice-bureau/src/supervision-case/workers/record-supervision-handling.worker';
import { RecordSupervisionInvestigationWorker } from '../../apps/justice-bureau/src/supervision-case/workers/record-supervision-investigation.worker';
import { RecordSupervisionReplyWorker } from '../../apps/justice-bureau/src/supervision-case/workers/record-supervision-reply.worker';
import { RecordSupervisionReviewWorker } from '../../apps/justice-bureau/src/supervision-case/workers/record-supervision-review.worker';
import { Services, startServices } from './services';

/**
 * Supervision cases (行政执法监督检查案件, plan 四（四）1) through the gateway on the real engine, Kafka and
 * PostgreSQL: a fault found and corrected after a rejected first rectification, a dismissal, a case
 * requested by another body's event delivered twice, deadlines passed on the engine's clock (督办 notices,
 * liaison's overdue register), the standard documents read back from their PDFs, and every kind of 4xx.
 */

type Bi = { zh: string; en: string };
type ErrorBody = { message: Bi; fields?: { field: string; zh: string; en: string }[] };
interface Case {
  id: string;
  caseNumber: string;
  source: string;
  sourceRef: string;
  agencyCode: string;
  status: string;
  filingDueAt: string;
  investigationDueAt: string | null;
  decisionDueAt: string | null;
  rectificationRound: number;
  rectificationDueAt: string | null;
  correctionOrdered: boolean | null;
  rectified: boolean | null;
  result: string | null;
  overdue: boolean;
}
interface CaseFile extends Case {
  history: { kind: string; zh: string }[];
  documents: { kind: string; name: string; number: string }[];
  deadlines: { step: string; zh: string; dueAt: string; overdue: boolean; basis: string; source: string }[];
  rectifications: {
    round: number;
    late: boolean;
    reviewDecision: string | null;
    reviewDueAt: string | null;
  }[];
  notices: { step: string; round: number; toOrg: string; toRole: string }[];
}
interface Transfer {
  sourceRef: string;
  sender: string;
  receiver: string;
  status: string;
  dueAt: string | null;
  closedAt: string | null;
  overdue: boolean;
}

const NUMBER = /^阳司监立〔\d{4}〕\d+号$/;

describe('supervision cases', () => {
  let system: Services;
  let producer: Producer;
  const clock = new EngineClock(process.env.ENGINE_URL!);
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    system = await startServices(['justice-bureau', 'liaison']);
    const kafka = new Kafka({ clientId: 'supervision-test', brokers: process.env.KAFKA_BROKERS!.split(',') });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterEach(async () => {
    await clock.reset();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await system?.stop();
  });

  const api = (path: string) => `${system.api}${path}`;
  const db = () => system.db('justice-bureau');
  const post = <T = ErrorBody>(path: string, body: unknown, headers: Record<string, string>) =>
    http<T & ErrorBody>('POST', api(path), body, headers);

  const open = (body: Record<string, unknown>, headers = AS_STAFF) =>
    post<Case>('/supervision-cases', body, headers);

  async function file(id: string): Promise<CaseFile> {
    const { status, body } = await http<CaseFile>(
      'GET',
      api(`/supervision-cases/${id}`),
      undefined,
      AS_STAFF,
    );
    expect(status).toBe(200);
    return body;
  }

  async function until(id: string, what: string, ok: (c: CaseFile) => boolean): Promise<CaseFile> {
    try {
      return await eventually(
        async () => {
          const c = await file(id);
          return ok(c) && c;
        },
        { what, timeoutMs: 60000 },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await engineState(process.env.ENGINE_URL!, id)}`);
    }
  }

  /** Waits until the engine holds the step, so the action is not a race with the previous job. */
  async function step(id: string, taskKey: string): Promise<void> {
    await eventually(
      async () =>
        (await system.engine.listTasks({ processInstanceBusinessKey: id, taskDefinitionKey: taskKey }))
          .length > 0,
      { what: `${taskKey} of ${id}`, timeoutMs: 60000 },
    );
  }

  async function pdf(
    id: string,
    kind: string,
    headers = AS_STAFF,
    base = '/supervision-cases',
  ): Promise<string> {
    const response = await fetch(api(`${base}/${id}/documents/${kind}`), { headers: authenticate(headers) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    return (await pdfText(Buffer.from(await response.arrayBuffer()))).replace(/\s+/g, '');
  }

  async function transfers(): Promise<Transfer[]> {
    const { body } = await http<{ items: Transfer[] }>(
      'GET',
      api(`/liaison/transfers?kind=${TRANSFER_KIND.supervisionRectification}&limit=500`),
      undefined,
      AS_STAFF,
    );
    return body.items;
  }

  const transfer = (id: string, round: number, ok: (t: Transfer) => boolean) =>
    eventually(async () => (await transfers()).find((t) => t.sourceRef === `${id}:${round}` && ok(t)), {
      what: `transfer ${id}:${round}`,
      timeoutMs: 60000,
    });

  const count = async (sql: string, params: unknown[]) =>
    ((await db().query(sql, params)) as { n: number }[])[0].n;

  /** From filing to the decision with a fault: the documents are served and round 1 is running. */
  async function toRectification(
    id: string,
    rectificationDays?: number,
    instrument: 'suggestion' | 'opinion' = 'suggestion',
  ): Promise<CaseFile> {
    await step(id, USER_TASK.approveSupervisionFiling);
    expect(
      (await post(`/supervision-cases/${id}/filing-decision`, { decision: 'file' }, AS_HEAD)).status,
    ).toBe(202);
    await step(id, USER_TASK.investigateSupervisionCase);
    const investigated = await post(
      `/supervision-cases/${id}/investigation`,
      {
        findings: '该局在2026年对某超市作出的罚款决定未履行法制审核程序，且未告知当事人陈述申辩权利。',
        proposal: 'fault',
        proposedHandling: '责令该局撤销原处罚决定，重新履行法制审核和告知程序。',
        instrument,
        requirements: '一、撤销原处罚决定并重新作出；二、开展重大执法决定法制审核制度专项培训。',
        ...(rectificationDays ? { rectificationDays } : {}),
      },
      AS_STAFF,
    );
    expect(investigated.status).toBe(202);
    await step(id, USER_TASK.approveSupervisionHandling);
    expect(
      (
        await post(
          `/supervision-cases/${id}/handling-decision`,
          { decision: 'approve', opinion: '同意。' },
          AS_HEAD,
        )
      ).status,
    ).toBe(202);
    return until(
      id,
      'rectification round 1',
      (c) => c.status === 'rectification' && c.rectificationRound === 1,
    );
  }

  it('finds a fault, serves the documents, rejects the first rectification and closes the case corrected', async () => {
    const opened = await open({
      source: 'complaint',
      sourceRef: `TS-${run}-1`,
      agencyCode: 'scjg',
      subject: '某超市罚款案未经法制审核',
      facts: '投诉人反映县市场监督管理局对其作出罚款决定前未告知陈述申辩权利。',
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect(opened.body.caseNumber).toMatch(NUMBER);
    expect(opened.body.status).toBe('filing-review');

    const served = await toRectification(id, 20);
    expect(served.correctionOrdered).toBe(true);
    expect(served.documents.map((d) => d.kind).sort()).toEqual([
      'decision-notice',
      'filing-approval',
      'handling-approval',
      'suggestion',
    ]);
    const numbers = Object.fromEntries(served.documents.map((d) => [d.kind, d.number]));
    expect(numbers['filing-approval']).toBe(opened.body.caseNumber);
    expect(numbers['handling-approval']).toMatch(/^阳司监审〔\d{4}〕\d+号$/);
    expect(numbers['decision-notice']).toMatch(/^阳司监决〔\d{4}〕\d+号$/);
    expect(numbers.suggestion).toMatch(/^阳司监建〔\d{4}〕\d+号$/);
    // 20 days as the decision set, not the rule's 30 (24:00 Beijing time of the last day, rest days rolled over).
    const days = (new Date(served.rectificationDueAt!).getTime() - Date.now()) / 86400000;
    expect(days).toBeGreaterThan(19);
    expect(days).toBeLessThan(25);
    expect(served.deadlines.map((d) => d.step)).toEqual([
      'filing',
      'investigation',
      'handling',
      'rectification',
    ]);
    expect(served.deadlines.every((d) => d.source === 'local' && d.basis.length > 0)).toBe(true);

    // The documents, read back by content.
    const filing = await pdf(id, 'filing-approval');
    for (const text of [
      '行政执法监督检查立案审批表',
      opened.body.caseNumber,
      '县市场监督管理局',
      '某超市罚款案未经法制审核',
      '投诉举报',
      `TS-${run}-1`,
      '同意立案',
    ]) {
      expect(filing).toContain(text);
    }
    const handling = await pdf(id, 'handling-approval');
    for (const text of [
      '行政执法监督检查处理审批表',
      numbers['handling-approval'],
      '未履行法制审核程序',
      '存在执法过错',
      '同意',
    ]) {
      expect(handling).toContain(text);
    }
    const due = new Date(new Date(served.rectificationDueAt!).getTime() - 1);
    const dueZh = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    })
      .formatToParts(due)
      .filter((p) => p.type !== 'literal')
      .map((p) => p.value);
    const dueText = `${dueZh[0]}年${dueZh[1]}月${dueZh[2]}日`;
    const decision = await pdf(id, 'decision-notice', asAgency('scjg'), '/agency/supervision-cases');
    for (const text of [
      '行政执法监督检查处理决定通知书',
      numbers['decision-notice'],
      '县市场监督管理局：',
      '撤销原处罚决定',
      `${dueText}前`,
    ]) {
      expect(decision).toContain(text);
    }
    const suggestion = await pdf(id, 'suggestion', asAgency('scjg'), '/agency/supervision-cases');
    for (const text of [
      '行政执法监督建议书',
      numbers.suggestion,
      '开展重大执法决定法制审核制度专项培训',
      `${dueText}前`,
      '阳新县司法局',
    ]) {
      expect(suggestion).toContain(text);
    }
    // The approval forms are the office's own papers.
    const internal = await http<ErrorBody>(
      'GET',
      api(`/agency/supervision-cases/${id}/documents/filing-approval`),
      undefined,
      asAgency('scjg'),
    );
    expect(internal.status).toBe(404);
    const mine = await http<{ items: { id: string }[] }>(
      'GET',
      api('/agency/supervision-cases'),
      undefined,
      asAgency('scjg'),
    );
    expect(mine.body.items.map((c) => c.id)).toContain(id);

    // Liaison shows the order to the agency with its due date.
    const sent = await transfer(id, 1, (t) => t.status === 'sent');
    expect(sent).toMatchObject({ sender: 'sfj', receiver: 'scjg', overdue: false, closedAt: null });
    expect(new Date(sent.dueAt!).toISOString()).toBe(served.rectificationDueAt);

    // Round 1: the agency replies; the office finds it short and orders a second round.
    await step(id, USER_TASK.rectifySupervisionFindings);
    const replied = await post(
      `/agency/supervision-cases/${id}/rectification`,
      { report: '已撤销原处罚决定。', measures: '拟组织培训。' },
      asAgency('scjg'),
    );
    expect(replied.status).toBe(202);
    const twice = await post(
      `/agency/supervision-cases/${id}/rectification`,
      { report: '再次报送', measures: '—' },
      asAgency('scjg'),
    );
    expect(twice.status).toBe(409);
    expect(twice.body.message.zh).toContain('已回复');
    await step(id, USER_TASK.reviewSupervisionRectification);
    await transfer(id, 1, (t) => t.status === 'replied' && t.closedAt !== null);
    const bare = await post(
      `/supervision-cases/${id}/rectification-review`,
      { decision: 'reject' },
      AS_STAFF,
    );
    expect(bare.status).toBe(422);
    expect(bare.body.message.zh).toContain('不予认可的理由');
    const rejected = await post(
      `/supervision-cases/${id}/rectification-review`,
      { decision: 'reject', opinion: '未提供重新作出的处罚决定书，培训尚未开展。', rectificationDays: 10 },
      AS_STAFF,
    );
    expect(rejected.status).toBe(202);
    const second = await until(id, 'round 2', (c) => c.rectificationRound === 2);
    expect(second.status).toBe('rectification');
    expect(new Date(second.rectificationDueAt!).getTime()).toBeLessThan(
      new Date(served.rectificationDueAt!).getTime(),
    );
    await transfer(id, 2, (t) => t.status === 'sent' && t.receiver === 'scjg');

    // Round 2: replied and accepted: closed as corrected.
    await step(id, USER_TASK.rectifySupervisionFindings);
    expect(
      (
        await post(
          `/agency/supervision-cases/${id}/rectification`,
          { report: '已重新作出处罚决定并送达。', measures: '已开展专项培训，建立审核台账。' },
          asAgency('scjg'),
        )
      ).status,
    ).toBe(202);
    await step(id, USER_TASK.reviewSupervisionRectification);
    expect(
      (
        await post(
          `/supervision-cases/${id}/rectification-review`,
          { decision: 'accept', opinion: '整改到位。' },
          AS_STAFF,
        )
      ).status,
    ).toBe(202);
    const closed = await until(id, 'closed', (c) => c.status === 'closed');
    expect(closed).toMatchObject({
      result: 'corrected',
      rectified: true,
      correctionOrdered: true,
      overdue: false,
    });
    expect(closed.rectifications.map((r) => [r.round, r.reviewDecision])).toEqual([
      [1, 'reject'],
      [2, 'accept'],
    ]);
    expect(closed.history.map((h) => h.kind)).toEqual(
      expect.arrayContaining([
        'opened',
        'filing-decided',
        'filed',
        'investigated',
        'handling-form',
        'handling-decided',
        'rectification-replied',
        'rectification-reviewed',
      ]),
    );
    expect(closed.history.some((h) => h.zh.includes('第1轮整改不予认可'))).toBe(true);
    // The served documents keep the first round's deadline.
    expect(await pdf(id, 'suggestion')).toContain(`${dueText}前`);

    // The assessment input for the agency and year.
    const inputs = (await db().query(
      `SELECT year, unit_code, result, outcome, score FROM justice_bureau.assessment_input WHERE source = 'supervision-case' AND source_ref = $1`,
      [id],
    )) as { year: number; unit_code: string; result: string; outcome: string; score: string | null }[];
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({
      unit_code: 'scjg',
      result: 'corrected',
      score: null,
      year: new Date().getFullYear(),
    });
    expect(inputs[0].outcome).toContain('整改到位');

    // Every change went out as SupervisionCaseChangedV1.
    const changes = (await db().query(
      `SELECT envelope->'data' AS data FROM justice_bureau.outbox_message WHERE topic = $1 AND message_key = $2 ORDER BY created_at, id`,
      [TOPIC.supervisionCaseChanged, id],
    )) as { data: { status: string; closed: boolean; rectified?: boolean } }[];
    expect([...new Set(changes.map((c) => c.data.status))]).toEqual([
      'filing-review',
      'investigation',
      'decision-review',
      'rectification',
      'closed',
    ]);
    expect(changes[changes.length - 1].data).toMatchObject({
      status: 'closed',
      closed: true,
      rectified: true,
      correctionOrdered: true,
    });

    // Every job of the case delivered again once it is closed: nothing moves, nothing is added.
    const effects = async () =>
      (await db().query(
        `SELECT (SELECT count(*) FROM justice_bureau.outbox_message WHERE message_key LIKE $2)::int AS events,
                (SELECT count(*) FROM justice_bureau.supervision_case_event WHERE case_id = $1)::int AS history,
                (SELECT count(*) FROM justice_bureau.supervision_document WHERE case_id = $1)::int AS documents,
                (SELECT count(*) FROM justice_bureau.assessment_input WHERE source_ref = $3)::int AS inputs,
                (SELECT status || ':' || rectification_round FROM justice_bureau.supervision_case WHERE id = $1) AS state`,
        [id, `%${id}%`, id],
      )) as unknown[];
    const before = await effects();
    const rounds = (await db().query(
      `SELECT id, round FROM justice_bureau.supervision_rectification WHERE case_id = $1 ORDER BY round`,
      [id],
    )) as { id: string }[];
    const jb = system.get('justice-bureau').app;
    const redeliver = (worker: { handle: JobHandler['handle'] }, type: string, vars: PlainVariables) =>
      db().transaction((m) =>
        worker.handle(
          {
            id: randomUUID(),
            topicName: type,
            workerId: 'test',
            processInstanceId: 'redelivered',
            processDefinitionKey: PROCESS.supervisionCase,
            businessKey: id,
            activityId: 'redelivered',
            retries: null,
            variables: toEngineVariables(vars),
          },
          m,
        ),
      );
    const results = [
      await redeliver(jb.get(RecordSupervisionFilingWorker), JOB.recordSupervisionFiling, { filed: true }),
      await redeliver(jb.get(RecordSupervisionInvestigationWorker), JOB.recordSupervisionInvestigation, {}),
      await redeliver(jb.get(RecordSupervisionHandlingWorker), JOB.recordSupervisionHandling, {
        approved: true,
      }),
      await redeliver(jb.get(RecordSupervisionReplyWorker), JOB.recordSupervisionReply, {
        rectificationId: rounds[0].id,
      }),
      await redeliver(jb.get(RecordSupervisionReplyWorker), JOB.recordSupervisionReply, {
        rectificationId: rounds[1].id,
      }),
      await redeliver(jb.get(RecordSupervisionReviewWorker), JOB.recordSupervisionReview, {
        rectificationId: rounds[0].id,
      }),
      await redeliver(jb.get(RecordSupervisionReviewWorker), JOB.recordSupervisionReview, {
        rectificationId: rounds[1].id,
      }),
    ];
    expect(results.map((r) => r.kind)).toEqual(Array(7).fill('complete'));
    expect(await effects()).toEqual(before);
    expect(before).toEqual([expect.objectContaining({ state: 'closed:2', documents: 4, inputs: 1 })]);

    // The list, filtered.
    const list = async (query: string) =>
      (
        await http<{ total: number; items: { id: string }[] }>(
          'GET',
          api(`/supervision-cases?${query}`),
          undefined,
          AS_STAFF,
        )
      ).body.items.map((c) => c.id);
    expect(await list('status=closed&agency=scjg&source=complaint')).toContain(id);
    expect(await list('status=rectification')).not.toContain(id);
    expect(await list('overdue=true')).not.toContain(id);
    expect(await list('agency=xgz')).not.toContain(id);
  });

  it('dismisses a case with reasons: closed, documented and counted', async () => {
    const opened = await open({
      source: 'media',
      sourceRef: `MEDIA-${run}`,
      agencyCode: 'xgz',
      subject: '媒体反映镇执法队着装不规范',
      facts: '某网站报道兴国镇执法人员执法时未着制式服装。',
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    await step(id, USER_TASK.approveSupervisionFiling);
    const noReason = await post(`/supervision-cases/${id}/filing-decision`, { decision: 'dismiss' }, AS_HEAD);
    expect(noReason.status).toBe(422);
    expect(noReason.body.message).toMatchObject({
      zh: expect.stringContaining('不予立案的理由'),
      en: expect.stringContaining('reasons'),
    });
    const dismissed = await post(
      `/supervision-cases/${id}/filing-decision`,
      { decision: 'dismiss', opinion: '经核实，报道所涉人员为辅助人员且已着装，不属于执法过错。' },
      AS_HEAD,
    );
    expect(dismissed.status).toBe(202);
    const done = await until(id, 'dismissed', (c) => c.status === 'dismissed');
    expect(done).toMatchObject({ result: 'dismissed', correctionOrdered: false });
    const text = await pdf(id, 'filing-approval');
    for (const t of ['行政执法监督检查立案审批表', '兴国镇', '新闻媒体反映', '不予立案', '不属于执法过错'])
      expect(text).toContain(t);
    const [input] = (await db().query(
      `SELECT unit_code, result, outcome FROM justice_bureau.assessment_input WHERE source = 'supervision-case' AND source_ref = $1`,
      [id],
    )) as { unit_code: string; result: string; outcome: string }[];
    expect(input).toEqual({ unit_code: 'xgz', result: 'dismissed', outcome: '经审查不予立案' });
    // Nothing more can happen to it, and the agency never sees it.
    const late = await post(
      `/supervision-cases/${id}/investigation`,
      { findings: '—', proposal: 'no-fault', proposedHandling: '—' },
      AS_STAFF,
    );
    expect(late.status).toBe(409);
    expect(late.body.message.zh).toContain('不予立案');
    expect(
      (await http('GET', api(`/agency/supervision-cases/${id}`), undefined, asAgency('xgz'))).status,
    ).toBe(404);
    expect(
      await count(`SELECT count(*)::int AS n FROM justice_bureau.supervision_document WHERE case_id = $1`, [
        id,
      ]),
    ).toBe(1);
  });

  it('closes a case without fault after the head returns it once for more investigation', async () => {
    const opened = await open({
      source: 'inspection',
      agencyCode: 'cgj',
      subject: '城管执法局执法检查',
      facts: '年度执法检查抽查案卷3件。',
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect(opened.body.sourceRef).toBe(id);
    await step(id, USER_TASK.approveSupervisionFiling);
    expect(
      (await post(`/supervision-cases/${id}/filing-decision`, { decision: 'file' }, AS_HEAD)).status,
    ).toBe(202);
    await step(id, USER_TASK.investigateSupervisionCase);
    const noFault = { findings: '抽查案卷程序合法。', proposal: 'no-fault', proposedHandling: '不予处理。' };
    expect((await post(`/supervision-cases/${id}/investigation`, noFault, AS_STAFF)).status).toBe(202);
    await step(id, USER_TASK.approveSupervisionHandling);
    expect(
      (await post(`/supervision-cases/${id}/handling-decision`, { decision: 'return' }, AS_HEAD)).status,
    ).toBe(422);
    expect(
      (
        await post(
          `/supervision-cases/${id}/handling-decision`,
          { decision: 'return', opinion: '请补充调取执法记录仪视频。' },
          AS_HEAD,
        )
      ).status,
    ).toBe(202);
    await until(id, 'back to investigation', (c) => c.status === 'investigation');
    await step(id, USER_TASK.investigateSupervisionCase);
    expect(
      (
        await post(
          `/supervision-cases/${id}/investigation`,
          { ...noFault, findings: '抽查案卷程序合法，执法记录完整。' },
          AS_STAFF,
        )
      ).status,
    ).toBe(202);
    await step(id, USER_TASK.approveSupervisionHandling);
    expect(
      (await post(`/supervision-cases/${id}/handling-decision`, { decision: 'approve' }, AS_HEAD)).status,
    ).toBe(202);
    const closed = await until(id, 'closed without fault', (c) => c.status === 'closed');
    expect(closed).toMatchObject({ result: 'no-fault', correctionOrdered: false, rectified: null });
    expect(closed.documents.map((d) => d.kind).sort()).toEqual(['filing-approval', 'handling-approval']);
    expect(await pdf(id, 'handling-approval')).toContain('执法记录完整');
    const [input] = (await db().query(
      `SELECT result FROM justice_bureau.assessment_input WHERE source = 'supervision-case' AND source_ref = $1`,
      [id],
    )) as { result: string }[];
    expect(input.result).toBe('no-fault');
  });

  it('answers every wrong request with a bilingual 400, 403, 404, 409 or 422 and keeps nothing', async () => {
    const bilingual = (body: ErrorBody) => {
      expect(body.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(body.message.en).toMatch(/[a-z]/);
    };
    const base = {
      source: 'complaint',
      sourceRef: `ERR-${run}`,
      agencyCode: 'scjg',
      subject: '错误请求测试',
      facts: '……',
    };
    const before = await count(`SELECT count(*)::int AS n FROM justice_bureau.supervision_case`, []);

    const missing = await open({ ...base, subject: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body.fields?.[0]).toMatchObject({ field: 'subject', zh: expect.stringContaining('案由') });
    bilingual(missing.body);
    expect((await open({ ...base, source: 'rumour' })).status).toBe(400);

    const unknown = await open({ ...base, agencyCode: 'nosuch' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message.zh).toContain('nosuch');
    bilingual(unknown.body);
    const body = await open({ ...base, agencyCode: 'jw' });
    expect(body.status).toBe(422);
    expect(body.body.message.zh).toContain('县纪委监委');

    const asAgencyOpen = await open(base, asAgency('scjg'));
    expect(asAgencyOpen.status).toBe(403);
    bilingual(asAgencyOpen.body);
    expect(await count(`SELECT count(*)::int AS n FROM justice_bureau.supervision_case`, [])).toBe(before);

    const opened = await open(base);
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    const duplicate = await open(base);
    expect(duplicate.status).toBe(409);
    bilingual(duplicate.body);

    const notFound = await http<ErrorBody>(
      'GET',
      api(`/supervision-cases/${randomUUID()}`),
      undefined,
      AS_STAFF,
    );
    expect(notFound.status).toBe(404);
    bilingual(notFound.body);
    expect(
      (await http('GET', api(`/supervision-cases/${id}/documents/nonsense`), undefined, AS_STAFF)).status,
    ).toBe(404);
    const notYet = await http<ErrorBody>(
      'GET',
      api(`/supervision-cases/${id}/documents/suggestion`),
      undefined,
      AS_STAFF,
    );
    expect(notYet.status).toBe(404);
    bilingual(notYet.body);

    await step(id, USER_TASK.approveSupervisionFiling);
    const clerkApproves = await post(
      `/supervision-cases/${id}/filing-decision`,
      { decision: 'file' },
      AS_STAFF,
    );
    expect(clerkApproves.status).toBe(403);
    bilingual(clerkApproves.body);
    const outOfOrder = await post(
      `/supervision-cases/${id}/investigation`,
      { findings: '—', proposal: 'no-fault', proposedHandling: '—' },
      AS_STAFF,
    );
    expect(outOfOrder.status).toBe(409);
    expect(outOfOrder.body.message.zh).toContain('立案审批');
    bilingual(outOfOrder.body);
    expect(
      (await post(`/supervision-cases/${id}/rectification-review`, { decision: 'accept' }, AS_STAFF)).status,
    ).toBe(409);

    expect(
      (await post(`/supervision-cases/${id}/filing-decision`, { decision: 'file' }, AS_HEAD)).status,
    ).toBe(202);
    await step(id, USER_TASK.investigateSupervisionCase);
    const noRequirements = await post(
      `/supervision-cases/${id}/investigation`,
      { findings: '有过错', proposal: 'fault', proposedHandling: '责令纠正' },
      AS_STAFF,
    );
    expect(noRequirements.status).toBe(422);
    expect(noRequirements.body.message.zh).toContain('整改要求');
    bilingual(noRequirements.body);
    const [row] = (await db().query(
      `SELECT findings, status FROM justice_bureau.supervision_case WHERE id = $1`,
      [id],
    )) as { findings: string | null; status: string }[];
    expect(row).toEqual({ findings: null, status: 'investigation' });

    // The agency side: another agency's case, staff on the agency desk, a case not yet served.
    const otherAgency = await http<ErrorBody>(
      'GET',
      api(`/agency/supervision-cases/${id}`),
      undefined,
      asAgency('cgj'),
    );
    expect(otherAgency.status).toBe(403);
    bilingual(otherAgency.body);
    expect((await http('GET', api('/agency/supervision-cases'), undefined, AS_STAFF)).status).toBe(403);
    expect(
      (await http('GET', api(`/agency/supervision-cases/${id}`), undefined, asAgency('scjg'))).status,
    ).toBe(404);
  });

  it('opens one case for a request delivered twice, raises 督办 notices when deadlines pass and shows the order overdue', async () => {
    const sourceRef = `JI-${run}`;
    const request: SupervisionCaseRequestedV1 = {
      source: 'joint-inspection',
      sourceRef,
      requestedBy: 'rd',
      agencyCode: 'cgj',
      subject: '联合执法检查发现城管执法局罚没物品未登记',
      facts: '县人大联合执法检查中发现，城管执法局暂扣物品未建立台账。',
    };
    const envelope = (
      data: SupervisionCaseRequestedV1,
      id = randomUUID(),
    ): EventEnvelope<SupervisionCaseRequestedV1> => ({
      id,
      type: TOPIC.supervisionCaseRequested,
      source: 'peoples-congress',
      time: new Date().toISOString(),
      subject: `${data.source}:${data.sourceRef}`,
      data,
    });
    const first = envelope(request);
    const poison = envelope({ ...request, sourceRef: `${sourceRef}-nosuch`, agencyCode: 'nosuch' });
    const marker = envelope({ ...request, sourceRef: `${sourceRef}-marker` });
    // The same event twice, the same request again under a new id, then a marker: one key, one partition, in order.
    await producer.send({
      topic: TOPIC.supervisionCaseRequested,
      messages: [first, first, envelope(request), poison, marker].map((e) => ({
        key: 'test-requests',
        value: JSON.stringify(e),
      })),
    });
    await eventually(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM justice_bureau.supervision_case WHERE source_ref = $1`, [
          `${sourceRef}-marker`,
        ])) === 1,
      { what: 'the marker case', timeoutMs: 60000 },
    );
    const cases = (await db().query(
      `SELECT id, requested_by, status FROM justice_bureau.supervision_case WHERE source = 'joint-inspection' AND source_ref = $1`,
      [sourceRef],
    )) as {
      id: string;
      requested_by: string;
      status: string;
    }[];
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ requested_by: 'rd', status: 'filing-review' });
    // A request naming no supervised organisation becomes no case: it is dead-lettered with the reason.
    const letter = await eventually(
      async () => {
        const { status, body } = await http<{ items: { eventId: string; reason: string }[] }>(
          'GET',
          api('/admin/justice-bureau/dead-letters'),
          undefined,
          AS_ADMIN,
        );
        return status === 200 && body.items.find((d) => d.eventId === poison.id);
      },
      { what: 'the request for an unknown agency in the dead letters', timeoutMs: 60000 },
    );
    expect(letter.reason).toContain('Unknown organisation code: nosuch');
    expect(
      await count(`SELECT count(*)::int AS n FROM justice_bureau.supervision_case WHERE source_ref = $1`, [
        `${sourceRef}-nosuch`,
      ]),
    ).toBe(0);
    const id = cases[0].id;
    // Delivered once more straight to the consumer: still one case.
    const consumer = system.get('justice-bureau').app.get(SupervisionCaseRequestedConsumer);
    await db().transaction((manager) => consumer.handle(envelope(request), manager));
    expect(
      await count(`SELECT count(*)::int AS n FROM justice_bureau.supervision_case WHERE source_ref = $1`, [
        sourceRef,
      ]),
    ).toBe(1);
    await step(id, USER_TASK.approveSupervisionFiling);
    // The opening event again, even with our record of the instance lost: the instance is found, not doubled.
    const [{ envelope: openedEvent }] = (await db().query(
      `SELECT envelope FROM justice_bureau.outbox_message WHERE topic = $1 AND message_key = $2 ORDER BY created_at LIMIT 1`,
      [TOPIC.supervisionCaseChanged, id],
    )) as { envelope: EventEnvelope<SupervisionCaseChangedV1> }[];
    expect(openedEvent.data).toMatchObject({
      status: 'filing-review',
      source: 'joint-inspection',
      sourceRef,
    });
    const starter = system.get('justice-bureau').app.get(SupervisionCaseOpenedConsumer);
    const [{ process_instance_id: started }] = (await db().query(
      `SELECT process_instance_id FROM justice_bureau.supervision_case WHERE id = $1`,
      [id],
    )) as { process_instance_id: string }[];
    await db().transaction((manager) => starter.handle(openedEvent, manager));
    await db().query(`UPDATE justice_bureau.supervision_case SET process_instance_id = NULL WHERE id = $1`, [
      id,
    ]);
    await db().transaction((manager) => starter.handle(openedEvent, manager));
    const instances = await system.engine.findProcessInstances({
      businessKey: id,
      processDefinitionKey: PROCESS.supervisionCase,
    });
    expect(instances.map((i) => i.id)).toEqual([started]);
    expect(
      await db().query(`SELECT process_instance_id FROM justice_bureau.supervision_case WHERE id = $1`, [id]),
    ).toEqual([{ process_instance_id: started }]);

    // The head lets the filing deadline pass: a 督办 notice to the office's head, the case overdue.
    const opened = await file(id);
    await clock.advancePast(opened.filingDueAt);
    const noticed = await until(id, 'filing notice', (c) => c.notices.length > 0);
    expect(noticed.notices).toEqual([
      {
        step: 'filing',
        round: 0,
        toOrg: 'sfj',
        toRole: 'head',
        dueAt: expect.any(String),
        raisedAt: expect.any(String),
      },
    ]);
    expect(noticed.overdue).toBe(true);
    expect(noticed.deadlines.find((d) => d.step === 'filing')?.overdue).toBe(true);
    const overdueList = await http<{ items: { id: string }[] }>(
      'GET',
      api('/supervision-cases?overdue=true&source=joint-inspection'),
      undefined,
      AS_STAFF,
    );
    expect(overdueList.body.items.map((c) => c.id)).toContain(id);
    await clock.reset();

    // Decided with a fault; the agency lets its rectification deadline pass.
    const served = await toRectification(id, undefined, 'opinion');
    expect(served.documents.map((d) => d.kind)).toContain('opinion');
    const opinion = await pdf(id, 'opinion', asAgency('cgj'), '/agency/supervision-cases');
    for (const text of ['行政执法监督检查意见书', '如下监督检查意见', '县城管执法局：'])
      expect(opinion).toContain(text);
    expect(served.documents.find((d) => d.kind === 'opinion')?.number).toMatch(/^阳司监意〔\d{4}〕\d+号$/);
    await transfer(id, 1, (t) => t.status === 'sent');
    await clock.advancePast(served.rectificationDueAt!);
    const late = await until(id, 'rectification notice', (c) =>
      c.notices.some((n) => n.step === 'rectification'),
    );
    expect(late.notices.find((n) => n.step === 'rectification')).toMatchObject({
      round: 1,
      toOrg: 'cgj',
      toRole: 'head',
    });
    const overdue = await transfer(id, 1, (t) => t.overdue && t.status === 'overdue');
    expect(overdue).toMatchObject({ receiver: 'cgj', closedAt: null });
    expect(late.history.some((h) => h.zh.includes('督办：整改回复（第1轮）已超过期限'))).toBe(true);

    // The notice job delivered again, and the decision's job: no second notice, number or transfer.
    const jb = system.get('justice-bureau').app;
    const [instance] = await system.engine.findProcessInstances({
      businessKey: id,
      processDefinitionKey: PROCESS.supervisionCase,
    });
    const job = (type: string, activityId: string, vars: Record<string, string | boolean>): LockedJob => ({
      id: randomUUID(),
      topicName: type,
      workerId: 'test',
      processInstanceId: instance.id,
      processDefinitionKey: PROCESS.supervisionCase,
      businessKey: id,
      activityId,
      retries: null,
      variables: toEngineVariables(vars),
    });
    const outboxCount = () =>
      count(
        `SELECT count(*)::int AS n FROM justice_bureau.outbox_message WHERE message_key = $1 OR message_key LIKE $2`,
        [id, `%${id}%`],
      );
    const eventsBefore = await outboxCount();
    const noticeJob = job(JOB.raiseSupervisionCaseNotice, 'rectification-overdue-notice', {
      rectificationDueAt: served.rectificationDueAt!,
    });
    const notifier = jb.get(RaiseSupervisionCaseNoticeWorker);
    expect(await db().transaction((m) => notifier.handle(noticeJob, m))).toEqual({
      kind: 'complete',
      variables: {},
    });
    const handler = jb.get(RecordSupervisionHandlingWorker);
    const again = await db().transaction((m) =>
      handler.handle(job(JOB.recordSupervisionHandling, 'record-handling-decision', { approved: true }), m),
    );
    expect(again).toEqual({
      kind: 'complete',
      variables: { approved: true, fault: true, rectificationDueAt: served.rectificationDueAt },
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM justice_bureau.supervision_case_notice WHERE case_id = $1`,
        [id],
      ),
    ).toBe(2);
    expect(
      await count(`SELECT count(*)::int AS n FROM justice_bureau.supervision_document WHERE case_id = $1`, [
        id,
      ]),
    ).toBe(4);
    expect(await outboxCount()).toBe(eventsBefore);

    // The agency replies late: the order is discharged late in the register.
    await step(id, USER_TASK.rectifySupervisionFindings);
    expect(
      (
        await post(
          `/agency/supervision-cases/${id}/rectification`,
          { report: '已建立暂扣物品台账。', measures: '专人管理。' },
          asAgency('cgj'),
        )
      ).status,
    ).toBe(202);
    await transfer(id, 1, (t) => t.status === 'replied-late' && t.closedAt !== null);
    const replied = await until(
      id,
      'reply recorded',
      (c) => c.rectifications[0]?.reviewDueAt !== null && c.rectifications.length === 1,
    );
    expect(replied.rectifications[0].late).toBe(true);
  });
});
