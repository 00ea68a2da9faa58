import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import {
  EventEnvelope,
  InspectionRectificationOrderedV1,
  JOB,
  JointInspectionClosedV1,
  PROCESS,
  SupervisionCaseChangedV1,
  SupervisionCaseRequestedV1,
  TOPIC,
  TRANSFER_KIND,
} from '@oversight/contracts';
import {
  AS_STAFF,
  asAgency,
  asStaff,
  authenticate,
  EngineClock,
  eventually,
  http,
  pdfText,
} from '@oversight/testing';
import { LockedJob } from '@oversight/workflow';
import { RaiseInspectionNoticeWorker } from '../../apps/peoples-congress/src/joint-inspection/workers/raise-inspection-notice.worker';
import { Services, startServices } from './services';

/**
 * Joint enforcement inspections (执法检查) and annual reports in the people's congress service, through
 * the gateway on the real engine, Kafka and PostgreSQL: planning, the team, on-site findings with evidence,
 * the three dispositions (a supervision case the justice bureau opens and reports on by event, a clue the
 * discipline commission receives, handles and decides, a rectification notice that goes overdue on the engine's clock and is then reported), the board, closing,
 * the report PDF; the annual report with deliberation opinions and a late reply; and the 4xx answers.
 */

interface Finding {
  id: string;
  agencyCode: string;
  status: string;
  disposition: string | null;
  dueAt: string | null;
  overdue: boolean;
  notice: { id: string } | null;
  closed: boolean;
  processStarted: boolean;
  supervisionCase: { number: string; status: string } | null;
  evidence: { id: string; filename: string; sha256: string }[];
  steps: { step: string }[];
}

interface Inspection {
  id: string;
  status: string;
  reportNumber: string | null;
  targets: { code: string; name: string }[];
  findings: Finding[];
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

interface AnnualReport {
  id: string;
  status: string;
  replyDueAt: string | null;
  replyLate: boolean;
  processStarted: boolean;
  file: { sha256: string };
}

type ErrorBody = { message: { zh: string; en: string } };

const RD = asStaff('rd', 'clerk', 'rd-clerk');
const RD_HEAD = asStaff('rd', 'head', 'rd-head');
const JCY = asStaff('jcy', 'clerk', 'jcy-clerk');
const JW = asStaff('jw', 'clerk', 'jw-clerk');
const JW_HEAD = asStaff('jw', 'head', 'jw-head');
const PDF = Buffer.from('%PDF-1.4\n%inspection evidence\n', 'latin1');
const day = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('joint enforcement inspections and annual reports (people’s congress)', () => {
  let system: Services;
  let producer: Producer;
  const clock = new EngineClock(process.env.ENGINE_URL!);

  beforeAll(async () => {
    system = await startServices(['peoples-congress', 'liaison', 'discipline-commission', 'justice-bureau']);
    const kafka = new Kafka({
      clientId: 'joint-inspection-test',
      brokers: process.env.KAFKA_BROKERS!.split(','),
    });
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
  const congress = (path: string) => api(`/congress/joint-inspections${path}`);

  async function act<T>(
    method: string,
    url: string,
    body: unknown,
    who: Record<string, string>,
    expected: number,
  ) {
    const res = await http<T>(method, url, body, who);
    if (res.status !== expected)
      throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const plan = (overrides: Record<string, unknown> = {}) =>
    act<Inspection>(
      'POST',
      congress(''),
      {
        title: `食品安全法执法检查 ${randomUUID().slice(0, 8)}`,
        year: 2026,
        field: '食品安全',
        law: '《中华人民共和国食品安全法》',
        targets: ['scjg', 'xgz', 'cgj'],
        onSiteStartDate: day(0),
        onSiteEndDate: day(2),
        leadBody: 'rd',
        ...overrides,
      },
      RD,
      201,
    );

  const TEAM = {
    inspectors: [
      { name: '樊依涵', org: 'rd' },
      { name: '王晓明', org: 'sfj' },
      { name: '吴芳', org: 'jcy' },
    ],
    supervisors: [
      { name: '陈律师', category: 'lawyer' },
      { name: '李代表', category: 'deputy' },
    ],
  };

  async function recordFinding(id: string, agencyCode: string, problem: string, who = RD, withFile = true) {
    const form = new FormData();
    form.append('agencyCode', agencyCode);
    form.append('problem', problem);
    form.append('legalBasis', '《中华人民共和国食品安全法》第一百一十条');
    form.append('severity', 'serious');
    if (withFile) {
      form.append('files', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), '现场检查记录.pdf');
    }
    const res = await fetch(congress(`/${id}/findings`), {
      method: 'POST',
      body: form,
      headers: authenticate(who),
    });
    return { status: res.status, body: (await res.json()) as Finding & ErrorBody };
  }

  /** An action on the commission's side, retried while its process has not reached the step (409). */
  async function untilAccepted(url: string, body: unknown, who: Record<string, string>) {
    await eventually(
      async () => {
        const res = await http('POST', url, body, who);
        if (res.status === 409) return undefined;
        if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
        return true;
      },
      { timeoutMs: 60_000, what: url },
    );
  }

  const inspection = (id: string) => act<Inspection>('GET', congress(`/${id}`), undefined, RD, 200);
  const findingOf = async (id: string, findingId: string) =>
    (await inspection(id)).findings.find((f) => f.id === findingId)!;

  async function transfer(kind: string, sourceRef: string, ok: (t: Transfer) => boolean, what: string) {
    return eventually(
      async () => {
        const { body } = await http<{ items: Transfer[] }>(
          'GET',
          api(`/liaison/transfers?kind=${kind}&limit=500`),
          undefined,
          AS_STAFF,
        );
        const t = body.items.find((i) => i.sourceRef === sourceRef);
        return t && ok(t) ? t : undefined;
      },
      { timeoutMs: 60_000, what },
    );
  }

  async function publishCaseChange(envelope: EventEnvelope<SupervisionCaseChangedV1>) {
    await producer.send({
      topic: TOPIC.supervisionCaseChanged,
      messages: [{ key: envelope.data.caseId, value: JSON.stringify(envelope) }],
    });
  }

  it('takes an inspection through findings, the three dispositions, 督办, closing and the report', async () => {
    const planned = await plan();
    expect(planned.targets.map((t) => t.code)).toEqual(['scjg', 'xgz', 'cgj']);
    const id = planned.id;
    const team = await act<{ inspectors: unknown[]; supervisors: unknown[] }>(
      'PUT',
      congress(`/${id}/team`),
      TEAM,
      RD,
      200,
    );
    expect(team.supervisors).toHaveLength(2);

    // On site: the procuratorate's inspector records one finding, the congress the others.
    const first = await recordFinding(id, 'scjg', '抽检不合格食品未依法立案查处', JCY);
    expect(first.status).toBe(201);
    expect(first.body.evidence).toHaveLength(1);
    const evidence = await fetch(
      congress(`/${id}/findings/${first.body.id}/evidence/${first.body.evidence[0].id}`),
      {
        headers: authenticate(RD),
      },
    );
    expect(Buffer.from(await evidence.arrayBuffer()).equals(PDF)).toBe(true);
    const second = await recordFinding(id, 'xgz', '执法人员未持证执法，疑有收受好处情形');
    const third = await recordFinding(id, 'cgj', '行政处罚决定书未按规定公示', RD, false);
    expect([second.status, third.status]).toEqual([201, 201]);

    // 1. A supervision case: the request goes to the bureau on the shared topic.
    const caseFinding = await act<Finding>(
      'POST',
      congress(`/${id}/findings/${first.body.id}/disposition`),
      { disposition: 'supervision-case', note: '建议立案监督' },
      RD,
      201,
    );
    expect(caseFinding.status).toBe('supervision-requested');
    // Published (relayed to Kafka) for the justice bureau, whose consumer opens the case.
    const requested = await eventually(
      async () => {
        const [row] = (await system.db('peoples-congress').query(
          `SELECT envelope, published_at FROM peoples_congress.outbox_message
            WHERE topic = $1 AND envelope->'data'->>'sourceRef' = $2`,
          [TOPIC.supervisionCaseRequested, first.body.id],
        )) as { envelope: EventEnvelope<SupervisionCaseRequestedV1>; published_at: Date | null }[];
        return row?.published_at ? row.envelope.data : undefined;
      },
      { timeoutMs: 60_000, what: 'supervision case request published' },
    );
    expect(requested).toMatchObject({
      source: 'joint-inspection',
      sourceRef: first.body.id,
      requestedBy: 'rd',
      agencyCode: 'scjg',
    });
    expect(requested.facts).toContain('抽检不合格食品未依法立案查处');
    await transfer(
      TRANSFER_KIND.inspectionFinding,
      first.body.id,
      (t) => t.receiver === 'sfj',
      'case transfer',
    );
    // The justice bureau opens the case (its consumer of the request) and reports it: the finding follows.
    const opened = await eventually(
      async () => {
        const f = await findingOf(id, first.body.id);
        return f.supervisionCase?.status === 'filing-review' ? f : undefined;
      },
      { timeoutMs: 60_000, what: 'the bureau opens the supervision case' },
    );
    expect(opened.status).toBe('supervision-filing-review');
    const caseNumber = opened.supervisionCase!.number;

    // 2. A clue for the discipline commission: only the head sends it, complete, and the commission receives it.
    const clueBody = {
      disposition: 'clue-referral',
      note: '现场检查中群众反映该执法人员收受商户财物',
      subjects: [
        { name: '赵某', identity: '公职人员（行政执法人员）', rank: '一级科员', position: '执法中队队员' },
      ],
      suggestedDisposal: '建议初步核实',
    };
    const clerkClue = await http<ErrorBody>(
      'POST',
      congress(`/${id}/findings/${second.body.id}/disposition`),
      clueBody,
      RD,
    );
    expect(clerkClue.status).toBe(403);
    const noSubjects = await http<ErrorBody>(
      'POST',
      congress(`/${id}/findings/${second.body.id}/disposition`),
      { ...clueBody, subjects: [] },
      RD_HEAD,
    );
    expect(noSubjects.status).toBe(422);
    expect(noSubjects.body.message.zh).toContain('被反映人');
    const clue = await act<Finding & { clueReferenceNo: string }>(
      'POST',
      congress(`/${id}/findings/${second.body.id}/disposition`),
      clueBody,
      RD_HEAD,
      201,
    );
    expect(clue).toMatchObject({ status: 'clue-referred', closed: true });
    expect(clue.clueReferenceNo).toMatch(/^阳人常线移〔\d{4}〕\d+号$/);
    const received = await eventually(
      async () => {
        const { body } = await http<{
          items: { id: string; senderOrg: string; referenceNo: string; registrationNo: string | null }[];
        }>('GET', api('/discipline/clues?limit=100'), undefined, JW);
        const c = body.items.find((i) => i.id === second.body.id);
        return c?.registrationNo ? c : undefined;
      },
      { timeoutMs: 60_000, what: 'the commission registers the clue' },
    );
    expect(received).toMatchObject({ senderOrg: 'rd', referenceNo: clue.clueReferenceNo });
    await transfer(
      TRANSFER_KIND.clueReferral,
      second.body.id,
      (t) => t.sender === 'rd' && t.receiver === 'jw',
      'clue transfer',
    );
    // The commission handles it as any referral; its result comes back to the finding.
    const jw = (path: string) => api(`/discipline/clues/${second.body.id}${path}`);
    await untilAccepted(jw('/jurisdiction'), { decision: 'keep' }, JW);
    await untilAccepted(jw('/disposal'), { disposal: 'talk-inquiry', reason: '情节较轻，拟谈话函询' }, JW);
    await untilAccepted(jw('/handling'), { workingNotes: '已与赵某谈话' }, JW);
    await untilAccepted(
      jw('/decision'),
      { result: 'education', conclusion: '经谈话，予以批评教育' },
      JW_HEAD,
    );
    const withResult = await eventually(
      async () => {
        const f = (await findingOf(id, second.body.id)) as Finding & {
          clueResult: Record<string, string> | null;
        };
        return f.clueResult ? f : undefined;
      },
      { timeoutMs: 60_000, what: 'the commission’s result on the finding' },
    );
    expect(withResult.clueResult).toMatchObject({
      disposal: 'talk-inquiry',
      conclusion: '经谈话，予以批评教育',
    });

    // 3. A rectification notice with the default deadline (30 days, local rule).
    const notice = await act<Finding>(
      'POST',
      congress(`/${id}/findings/${third.body.id}/disposition`),
      { disposition: 'rectification', note: '限期公示处罚决定' },
      RD,
      201,
    );
    expect(notice.status).toBe('rectification-ordered');
    expect(new Date(notice.dueAt!).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await eventually(async () => (await findingOf(id, third.body.id)).processStarted, {
      timeoutMs: 60_000,
      what: 'rectification process',
    });
    const agencyList = await act<{ items: Finding[] }>(
      'GET',
      api('/agency/joint-inspections/findings'),
      undefined,
      asAgency('cgj'),
      200,
    );
    expect(agencyList.items.map((f) => f.id)).toContain(third.body.id);

    // A disposed finding cannot be disposed again; the inspection cannot close with open findings.
    const again = await http<ErrorBody>(
      'POST',
      congress(`/${id}/findings/${third.body.id}/disposition`),
      { disposition: 'supervision-case' },
      RD,
    );
    expect(again.status).toBe(409);
    const early = await http<ErrorBody>('POST', congress(`/${id}/close`), undefined, RD_HEAD);
    expect(early.status).toBe(409);
    expect(early.body.message.zh).toContain('未办结');

    // The deadline passes on the engine's clock: overdue, one 督办 notice, liaison overdue.
    await clock.advancePast(notice.dueAt!);
    const overdue = await eventually(
      async () => {
        // The notice and the overdue mark commit together; a read may straddle the commit, so wait for both.
        const f = await findingOf(id, third.body.id);
        return f.notice && f.overdue ? f : undefined;
      },
      { timeoutMs: 90_000, what: '督办 notice' },
    );
    expect(overdue.steps.filter((st) => st.step === 'overdue')).toHaveLength(1);
    await transfer(
      TRANSFER_KIND.inspectionFinding,
      third.body.id,
      (t) => t.overdue && t.status === 'overdue',
      'overdue transfer',
    );
    const board = await act<{
      totals: { overdue: number; open: number };
      agencies: { code: string; findings: { overdue: boolean; statusZh: string }[] }[];
    }>('GET', congress(`/${id}/board`), undefined, RD, 200);
    expect(board.totals.overdue).toBe(1);
    expect(board.agencies.find((a) => a.code === 'cgj')!.findings[0]).toMatchObject({
      overdue: true,
      statusZh: '逾期未整改（已督办）',
    });

    // Only the agency concerned reports its rectification; then it is closed (late) everywhere.
    const stranger = await http<ErrorBody>(
      'POST',
      api(`/agency/joint-inspections/findings/${third.body.id}/rectification`),
      { report: '已整改' },
      asAgency('scjg'),
    );
    expect(stranger.status).toBe(404);
    const rectified = await act<Finding>(
      'POST',
      api(`/agency/joint-inspections/findings/${third.body.id}/rectification`),
      { report: '已将全部处罚决定在门户网站公示' },
      asAgency('cgj'),
      201,
    );
    expect(rectified).toMatchObject({ status: 'rectified', closed: true });
    await transfer(
      TRANSFER_KIND.inspectionFinding,
      third.body.id,
      (t) => t.closedAt !== null && t.status === 'rectified-late',
      'closed transfer',
    );

    // The case moves on (the bureau's events, sent here): the same change twice (redelivered, and re-sent
    // under a new id) → one step.
    const change = (
      status: SupervisionCaseChangedV1['status'],
      closed: boolean,
    ): EventEnvelope<SupervisionCaseChangedV1> => ({
      id: randomUUID(),
      type: TOPIC.supervisionCaseChanged,
      source: 'justice-bureau',
      time: new Date().toISOString(),
      subject: 'case-1',
      data: {
        caseId: `case-${first.body.id}`,
        caseNumber,
        source: 'joint-inspection',
        sourceRef: first.body.id,
        agencyCode: 'scjg',
        status,
        closed,
      },
    });
    const investigation = change('investigation', false);
    await publishCaseChange(investigation);
    await publishCaseChange(investigation);
    await publishCaseChange({ ...investigation, id: randomUUID() });
    await eventually(
      async () => (await findingOf(id, first.body.id)).status === 'supervision-investigation',
      {
        timeoutMs: 60_000,
        what: 'case status',
      },
    );
    const closedCase = change('closed', true);
    await publishCaseChange(closedCase);
    const settled = await eventually(
      async () => {
        const f = await findingOf(id, first.body.id);
        return f.closed ? f : undefined;
      },
      { timeoutMs: 60_000, what: 'case closed' },
    );
    expect(settled.supervisionCase).toEqual({ number: caseNumber, status: 'closed' });
    expect(settled.steps.filter((s) => s.step === 'supervision:investigation')).toHaveLength(1);
    const rows = (await system
      .db('peoples-congress')
      .query(
        `SELECT count(*)::int AS n FROM peoples_congress.joint_inspection_finding_step WHERE finding_id = $1 AND step = 'supervision:investigation'`,
        [first.body.id],
      )) as { n: number }[];
    expect(rows[0].n).toBe(1);
    await transfer(
      TRANSFER_KIND.inspectionFinding,
      first.body.id,
      (t) => t.closedAt !== null,
      'case transfer closed',
    );

    // Every finding settled: the head closes the inspection and the report gets its number.
    const clerkClose = await http<ErrorBody>('POST', congress(`/${id}/close`), undefined, RD);
    expect(clerkClose.status).toBe(403);
    const closed = await act<Inspection>('POST', congress(`/${id}/close`), undefined, RD_HEAD, 201);
    expect(closed.status).toBe('closed');
    expect(closed.reportNumber).toMatch(/^阳人常执检〔2026〕\d+号$/);
    // Published for the annual assessment: per unit, what was found and how it went.
    const [closedEvent] = (await system
      .db('peoples-congress')
      .query(
        `SELECT envelope FROM peoples_congress.outbox_message WHERE topic = $1 AND envelope->'data'->>'inspectionId' = $2`,
        [TOPIC.jointInspectionClosed, id],
      )) as { envelope: EventEnvelope<JointInspectionClosedV1> }[];
    expect(closedEvent.envelope.data).toMatchObject({ reportNumber: closed.reportNumber, year: 2026 });
    expect(closedEvent.envelope.data.units).toEqual([
      expect.objectContaining({ unitCode: 'scjg', findings: 1, serious: 1, supervisionCases: 1 }),
      expect.objectContaining({ unitCode: 'xgz', findings: 1, clueReferrals: 1 }),
      expect.objectContaining({ unitCode: 'cgj', findings: 1, rectifications: 1, overdueRectifications: 1 }),
    ]);

    const pdf = await fetch(congress(`/${id}/report`), { headers: authenticate(RD) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, '');
    for (const expected of [
      '执法检查报告',
      '《中华人民共和国食品安全法》',
      closed.reportNumber!,
      '县市场监督管理局',
      '兴国镇',
      '县城管执法局',
      '抽检不合格食品未依法立案查处',
      '移交司法局立案监督',
      '移送纪委监委',
      '责令整改',
      '已整改（逾期）',
      '吴芳（县检察院）',
      '陈律师（律师',
      '共发现问题3个',
    ]) {
      expect(text).toContain(expected);
    }
    // Closed: no more findings.
    const late = await recordFinding(id, 'scjg', '补充问题');
    expect(late.status).toBe(409);
  });

  it('receives the annual report, records the deliberation opinions and flags a late reply', async () => {
    const year = 2030 + Math.floor(Math.random() * 60);
    const submit = async (who: Record<string, string>, file: Buffer, type = 'application/pdf') => {
      const form = new FormData();
      form.append('year', String(year));
      form.append('kind', 'enforcement');
      form.append('file', new Blob([new Uint8Array(file)], { type }), `${year}年度行政执法工作报告.pdf`);
      const res = await fetch(api('/congress/annual-reports'), {
        method: 'POST',
        body: form,
        headers: authenticate(who),
      });
      return { status: res.status, body: (await res.json()) as AnnualReport & ErrorBody };
    };
    expect((await submit(RD, PDF)).status).toBe(403);
    const notPdf = await submit(AS_STAFF, Buffer.from('MZ not a pdf'));
    expect(notPdf.status).toBe(422);
    expect(notPdf.body.message.zh).toContain('格式不受支持');
    const submitted = await submit(AS_STAFF, PDF);
    expect(submitted.status).toBe(201);
    expect((await submit(AS_STAFF, PDF)).status).toBe(409);
    const id = submitted.body.id;

    const file = await fetch(api(`/congress/annual-reports/${id}/file`), { headers: authenticate(RD) });
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

    // A reply before any opinions is out of turn.
    expect(
      (await http('POST', api(`/congress/annual-reports/${id}/reply`), { reply: '……' }, AS_STAFF)).status,
    ).toBe(409);
    expect(
      (await http('POST', api(`/congress/annual-reports/${id}/deliberation`), { opinions: '……' }, RD)).status,
    ).toBe(403);
    const deliberated = await act<AnnualReport>(
      'POST',
      api(`/congress/annual-reports/${id}/deliberation`),
      { opinions: '一、进一步规范行政处罚裁量；二、加强执法人员培训。' },
      RD_HEAD,
      201,
    );
    expect(deliberated.status).toBe('deliberated');
    await transfer(
      TRANSFER_KIND.deliberationOpinion,
      id,
      (t) => t.receiver === 'sfj' && t.dueAt !== null,
      'opinions transfer',
    );
    await eventually(
      async () =>
        (await act<AnnualReport>('GET', api(`/congress/annual-reports/${id}`), undefined, RD, 200))
          .processStarted,
      { timeoutMs: 60_000, what: 'reply process' },
    );

    await clock.advancePast(deliberated.replyDueAt!);
    await eventually(
      async () =>
        (await act<AnnualReport>('GET', api(`/congress/annual-reports/${id}`), undefined, RD, 200)).replyLate,
      { timeoutMs: 90_000, what: 'late reply flag' },
    );
    await transfer(TRANSFER_KIND.deliberationOpinion, id, (t) => t.overdue, 'overdue opinions transfer');

    const replied = await act<AnnualReport>(
      'POST',
      api(`/congress/annual-reports/${id}/reply`),
      { reply: '关于审议意见研究处理情况的报告：……' },
      AS_STAFF,
      201,
    );
    expect(replied).toMatchObject({ status: 'replied', replyLate: true });
    await transfer(
      TRANSFER_KIND.deliberationOpinion,
      id,
      (t) => t.closedAt !== null && t.status === 'replied-late',
      'closed opinions transfer',
    );
    expect(
      (await http('POST', api(`/congress/annual-reports/${id}/reply`), { reply: 'again' }, AS_STAFF)).status,
    ).toBe(409);
  });

  it('answers bad plans, teams and findings with bilingual 4xx', async () => {
    const unknown = await http<ErrorBody>(
      'POST',
      congress(''),
      {
        title: 't',
        year: 2026,
        field: 'f',
        law: 'l',
        targets: ['nope'],
        onSiteStartDate: day(0),
        onSiteEndDate: day(1),
        leadBody: 'rd',
      },
      RD,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.message.zh).toContain('以下单位不存在');
    expect(unknown.body.message.en).toContain('Unknown organisations');
    const body = await http<ErrorBody>(
      'POST',
      congress(''),
      {
        title: 't',
        year: 2026,
        field: 'f',
        law: 'l',
        targets: ['jw'],
        onSiteStartDate: day(0),
        onSiteEndDate: day(1),
        leadBody: 'rd',
      },
      RD,
    );
    expect(body.status).toBe(422);
    expect((await http('POST', congress(''), { title: 't' }, AS_STAFF)).status).toBe(403);
    expect((await http('GET', congress(`/${randomUUID()}`), undefined, RD)).status).toBe(404);

    const future = await plan({ onSiteStartDate: day(10), onSiteEndDate: day(12) });
    const stranger = await http<ErrorBody>(
      'PUT',
      congress(`/${future.id}/team`),
      {
        inspectors: [...TEAM.inspectors, { name: '张三', org: 'scjg' }],
      },
      RD,
    );
    expect(stranger.status).toBe(422);
    expect(stranger.body.message.zh).toContain('检查组成员应来自');
    const noJcy = await http<ErrorBody>(
      'PUT',
      congress(`/${future.id}/team`),
      {
        inspectors: TEAM.inspectors.filter((m) => m.org !== 'jcy'),
      },
      RD,
    );
    expect(noJcy.status).toBe(422);
    expect(noJcy.body.message.zh).toContain('县检察院');
    await act('PUT', congress(`/${future.id}/team`), { inspectors: TEAM.inspectors }, RD, 200);

    // Outside the on-site window: 409; the procuratorate sees only inspections it sits on.
    const tooEarly = await recordFinding(future.id, 'scjg', '问题');
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message.zh).toContain('现场检查期间');
    const other = await plan();
    expect((await http('GET', congress(`/${other.id}`), undefined, JCY)).status).toBe(404);
    const jcyList = await act<{ items: { id: string }[] }>('GET', congress(''), undefined, JCY, 200);
    expect(jcyList.items.map((i) => i.id)).toContain(future.id);
    expect(jcyList.items.map((i) => i.id)).not.toContain(other.id);
    const notTarget = await recordFinding(other.id, 'jyj', '问题');
    expect(notTarget.status).toBe(422);
    const badType = new FormData();
    badType.append('agencyCode', 'scjg');
    badType.append('problem', '问题');
    badType.append('legalBasis', '依据');
    badType.append('severity', 'general');
    badType.append(
      'files',
      new Blob([new Uint8Array(Buffer.from('MZ'))], { type: 'application/pdf' }),
      'x.pdf',
    );
    const res = await fetch(congress(`/${other.id}/findings`), {
      method: 'POST',
      body: badType,
      headers: authenticate(RD),
    });
    expect(res.status).toBe(422);
    const noSeverity = await http<ErrorBody>(
      'POST',
      congress(`/${other.id}/findings`),
      { agencyCode: 'scjg', problem: 'p', legalBasis: 'b', severity: 'huge' },
      RD,
    );
    expect(noSeverity.status).toBe(400);
    const f = await recordFinding(other.id, 'scjg', '问题');
    const pastDue = await http<ErrorBody>(
      'POST',
      congress(`/${other.id}/findings/${f.body.id}/disposition`),
      { disposition: 'rectification', dueDate: day(-1) },
      RD,
    );
    expect(pastDue.status).toBe(422);
    expect(pastDue.body.message.en).toContain('future');
  });

  it('has one effect when the rectification order is delivered again or the 督办 job runs twice', async () => {
    const p = await plan();
    await act('PUT', congress(`/${p.id}/team`), { inspectors: TEAM.inspectors }, RD, 200);
    const f = await recordFinding(p.id, 'scjg', '执法记录仪未全程记录');
    await act(
      'POST',
      congress(`/${p.id}/findings/${f.body.id}/disposition`),
      { disposition: 'rectification', dueDate: day(5) },
      RD,
      201,
    );
    await eventually(async () => (await findingOf(p.id, f.body.id)).processStarted, {
      timeoutMs: 60_000,
      what: 'rectification process',
    });
    const db = system.db('peoples-congress');

    // The order again, under a new envelope id: consumed, and still one process for the finding.
    const [row] = (await db.query(
      `SELECT envelope FROM peoples_congress.outbox_message WHERE topic = $1 AND envelope->'data'->>'findingId' = $2`,
      [TOPIC.inspectionRectificationOrdered, f.body.id],
    )) as { envelope: EventEnvelope<InspectionRectificationOrderedV1> }[];
    const again = { ...row.envelope, id: randomUUID() };
    await producer.send({
      topic: TOPIC.inspectionRectificationOrdered,
      messages: [{ key: again.subject, value: JSON.stringify(again) }],
    });
    await eventually(
      async () =>
        (
          (await db.query(`SELECT 1 FROM peoples_congress.inbox_message WHERE event_id = $1`, [
            again.id,
          ])) as unknown[]
        ).length > 0,
      { timeoutMs: 60_000, what: 'the repeated order consumed' },
    );
    const instances = await system.engine.findProcessInstances({
      businessKey: f.body.id,
      processDefinitionKey: PROCESS.jointInspection,
    });
    expect(instances).toHaveLength(1);

    // The 督办 job delivered twice (e.g. its completion was lost): one notice, one step, one overdue event.
    const worker = system.get('peoples-congress').app.get(RaiseInspectionNoticeWorker);
    const job: LockedJob = {
      id: randomUUID(),
      topicName: JOB.raiseInspectionNotice,
      workerId: 'test',
      processInstanceId: instances[0].id,
      processDefinitionKey: PROCESS.jointInspection,
      businessKey: f.body.id,
      activityId: 'raise-inspection-notice',
      retries: null,
      variables: {},
    };
    for (let i = 0; i < 2; i++) await db.transaction((manager) => worker.handle(job, manager));
    const count = async (sql: string) => ((await db.query(sql, [f.body.id])) as { n: number }[])[0].n;
    expect(
      await count(
        `SELECT count(*)::int AS n FROM peoples_congress.joint_inspection_notice WHERE finding_id = $1`,
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM peoples_congress.joint_inspection_finding_step WHERE finding_id = $1 AND step = 'overdue'`,
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM peoples_congress.outbox_message
          WHERE topic = '${TOPIC.transferChanged}' AND envelope->'data'->>'sourceRef' = $1
            AND envelope->'data'->>'status' = 'overdue'`,
      ),
    ).toBe(1);
    expect((await findingOf(p.id, f.body.id)).overdue).toBe(true);
  });
});
