import { Workbook } from 'exceljs';
import { Admin, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ASSESSMENT_SOURCE,
  EventEnvelope,
  SERVICE,
  TOPIC,
  TransferChangedV1,
  transferKey,
} from '@oversight/contracts';
import { beijingDate } from '@oversight/deadlines';
import {
  AS_HEAD,
  AS_STAFF,
  asAgency,
  authenticate,
  complaintFixture,
  eventually,
  http,
  pdfText,
} from '@oversight/testing';
import { Services, startServices } from './services';

/**
 * The annual assessment (执法考核精细化, domain.md §3) through the gateway on real PostgreSQL, Kafka and
 * engine: complaints filed through the public API, transfers to the units published as
 * `TransferChangedV1` on Kafka (one event delivered twice, one transfer's events out of order, one
 * overdue), the other capabilities' rows in `assessment_input`; weights, computation checked against a
 * hand calculation, runs, publication, the public annual reports and the report to the county.
 *
 * The suite shares one database and one year with the other integration specs, which file complaints,
 * publish transfers and write assessment inputs for units of their own. This test therefore uses units
 * nobody else touches (县文化和旅游局, 县应急管理局, 洋港镇, and 黄颡口镇 as an untouched unit), so their
 * figures are exact, and checks the county's figures as a baseline run (taken before it adds anything)
 * plus its own contribution.
 */

interface IndicatorRow {
  code: string;
  raw: number | null;
  score: number | null;
  weight: number;
  effectiveWeight: number;
  noData: boolean;
  detail: Record<string, number>;
}
interface UnitRow {
  code: string;
  name: string;
  total: number | null;
  grade: string | null;
  gradeLabel: { zh: string };
  rank: number | null;
  coverage: number;
  indicators: IndicatorRow[];
}
interface Run {
  id: string;
  seq: number;
  status: string;
  weightsSource: string;
  summary: {
    units: number;
    graded: number;
    byGrade: Record<string, number>;
    complaints: number;
    corrections: number;
    transfersDue: number;
    transfersOnTime: number;
    onTimeRate: number | null;
  };
  units: UnitRow[];
  inputs?: { code: string }[];
  supersededBy?: string | null;
  supersedeReason?: string | null;
}
type ErrorBody = { message: { zh: string; en: string } };

// The current Beijing year: complaints filed now count in it. Of the transfers below only the open one
// (Q) is judged against today, and it falls due on 1 January.
const YEAR = Number(beijingDate(new Date()).slice(0, 4));
const at = (monthDay: string) => new Date(`${YEAR}-${monthDay}T10:00:00+08:00`);
const WEIGHTS = {
  'on-time-rate': 25,
  complaints: 15,
  corrections: 10,
  'case-file-review': 20,
  training: 10,
  acceptance: 10,
  satisfaction: 10,
};

describe('annual assessment: indicators, weights, runs, publication and reports', () => {
  let system: Services;
  let db: DataSource;
  let producer: Producer;
  let admin: Admin;
  const run = randomUUID().slice(0, 8);
  const api = (path: string) => `${system.api}${path}`;

  beforeAll(async () => {
    system = await startServices(['justice-bureau']);
    db = system.db('justice-bureau');
    const kafka = new Kafka({ clientId: 'assessment-test', brokers: process.env.KAFKA_BROKERS!.split(',') });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    // Its own client, quiet: on a fresh broker the first offset requests fail until the topic has a
    // leader, and transfersConsumed() simply asks again.
    admin = new Kafka({
      clientId: 'assessment-test-admin',
      brokers: process.env.KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    await system?.stop();
  });

  const envelope = (data: TransferChangedV1, time: Date): EventEnvelope<TransferChangedV1> => ({
    id: randomUUID(),
    type: TOPIC.transferChanged,
    source: 'test',
    time: time.toISOString(),
    subject: transferKey(data),
    data,
  });
  const publish = (...events: EventEnvelope<TransferChangedV1>[]) =>
    producer.send({
      topic: TOPIC.transferChanged,
      messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
    });
  const sent = (ref: string, receiver: string, due: string, time: string) =>
    envelope(
      {
        kind: 'inspection-finding',
        sourceRef: `${run}-${ref}`,
        sender: 'sfj',
        receiver,
        subject: '执法检查发现问题交办',
        dueAt: at(due).toISOString(),
        status: 'sent',
      },
      at(time),
    );
  const closed = (ref: string, time: string) =>
    envelope(
      { kind: 'inspection-finding', sourceRef: `${run}-${ref}`, status: 'closed', closed: true },
      at(time),
    );
  const overdue = (ref: string, time: string) =>
    envelope(
      { kind: 'inspection-finding', sourceRef: `${run}-${ref}`, status: 'overdue', overdue: true },
      at(time),
    );

  async function fileComplaint(respondentOrg: string): Promise<string> {
    const { status, body } = await http<{ id: string }>(
      'POST',
      api('/public/complaints'),
      complaintFixture({ respondentOrg, summary: `执法人员态度粗暴（${respondentOrg}）` }),
    );
    expect(status).toBe(201);
    return body.id;
  }

  /**
   * Rows of capabilities built in parallel with this one (case-file review, training, supervision cases,
   * follow-up visits) are inserted here as fixtures; after the merge those capabilities write them for
   * real. The acceptance campaign's row is a fixture too: its own test runs a whole campaign.
   */
  async function input(
    unit: string,
    source: string,
    result: string,
    score: number | null = null,
    detail: Record<string, unknown> = {},
  ) {
    await db.query(
      `INSERT INTO justice_bureau.assessment_input
         (id, year, unit_code, source, source_ref, result, score, outcome, detail, basis)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'test fixture')`,
      [
        randomUUID(),
        YEAR,
        unit,
        source,
        `${run}-${randomUUID()}`,
        result,
        score,
        result,
        JSON.stringify(detail),
      ],
    );
  }

  const unitOf = (r: Run, code: string) => r.units.find((u) => u.code === code)!;
  const indicatorOf = (u: UnitRow, code: string) => u.indicators.find((i) => i.code === code)!;

  /**
   * Waits until the bureau's consumer group has read every transfer event already on the topic (earlier
   * specs' events included), so the baseline does not move under the test.
   */
  async function transfersConsumed() {
    await eventually(
      async () => {
        const high = await admin.fetchTopicOffsets(TOPIC.transferChanged);
        const [committed] = await admin.fetchOffsets({
          groupId: SERVICE.justiceBureau,
          topics: [TOPIC.transferChanged],
        });
        return high.every((p) => {
          const at = committed?.partitions.find((c) => c.partition === p.partition)?.offset ?? '-1';
          return at === '-1' ? p.high === p.low : BigInt(at) >= BigInt(p.high);
        });
      },
      { what: 'the transfer events already published consumed by the bureau', timeoutMs: 60_000 },
    );
  }

  /** The rank a total gets among the other units' graded totals and the given ones (1, 2, 2, 4). */
  const expectedRank = (total: number, others: number[]) => 1 + others.filter((t) => t > total).length;

  it('computes, ranks, grades, publishes and reports the year from real complaints, transfers and inputs', async () => {
    // The catalogue is data: every indicator with its name, computation, direction and plan section.
    const catalogue = await http<{
      indicators: { code: string; name: { zh: string }; direction: string; planSection: string }[];
      defaultWeights: { weights: Record<string, number>; source: string };
      grades: { thresholds: { label: { zh: string }; min: number }[] };
    }>('GET', api('/assessments/indicators'), undefined, AS_STAFF);
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.indicators.map((i) => i.name.zh)).toEqual([
      '按时办结率',
      '投诉举报件数',
      '纠错件数',
      '案卷评查得分',
      '培训达标率',
      '创建验收结果',
      '回访满意率',
    ]);
    expect(catalogue.body.indicators.find((i) => i.code === 'complaints')!.direction).toBe('lower-is-better');
    expect(catalogue.body.indicators.every((i) => i.planSection.includes('《实施方案》'))).toBe(true);
    expect(catalogue.body.defaultWeights.source).toBe('local');
    expect(Object.values(catalogue.body.defaultWeights.weights).reduce((a, b) => a + b, 0)).toBe(100);
    expect(catalogue.body.grades.thresholds.map((t) => `${t.label.zh}${t.min}`)).toEqual([
      '优秀90',
      '良好80',
      '合格60',
      '不合格0',
    ]);
    expect((await http('GET', api('/assessments/indicators'), undefined, asAgency('wlj'))).status).toBe(403);

    // Weights: only the head sets them, every indicator once, non-negative, adding up to 100. Set before
    // the baseline, so the baseline and the runs below grade the other units alike.
    const weightsApi = api(`/assessments/${YEAR}/weights`);
    expect((await http<{ source: string }>('GET', weightsApi, undefined, AS_STAFF)).body.source).toBe(
      'default',
    );
    expect((await http('PUT', weightsApi, { weights: WEIGHTS }, AS_STAFF)).status).toBe(403);
    const ninety = await http<ErrorBody>(
      'PUT',
      weightsApi,
      { weights: { ...WEIGHTS, training: 0 } },
      AS_HEAD,
    );
    expect(ninety.status).toBe(422);
    expect(ninety.body.message.zh).toContain('各项权重合计应为100，现为90');
    expect(ninety.body.message.en).toContain('must add up to 100');
    const unknown = await http<ErrorBody>(
      'PUT',
      weightsApi,
      { weights: { ...WEIGHTS, training: -10, satisfaction: 30, bonus: 0 } },
      AS_HEAD,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.message.zh).toContain('未知的考核指标：bonus');
    expect(unknown.body.message.zh).toContain('不小于0');
    expect((await http<{ source: string }>('GET', weightsApi, undefined, AS_STAFF)).body.source).toBe(
      'default',
    );
    const set = await http<{ source: string; weights: Record<string, number> }>(
      'PUT',
      weightsApi,
      { weights: WEIGHTS, note: '县司法局党组会议确定' },
      AS_HEAD,
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ source: 'office', weights: WEIGHTS });

    // The baseline: the county as the other specs left it. Corrections count for every unit only once a
    // supervision case is reported this year, so 县文化和旅游局's no-fault case goes in first: adding the
    // other rows then changes no other unit's coverage or grade.
    const V = ASSESSMENT_SOURCE;
    await input('wlj', V.supervisionCase, 'no-fault', null);
    await transfersConsumed();
    const baselineRun = await http<Run>('POST', api(`/assessments/${YEAR}/runs`), undefined, AS_STAFF);
    expect(baselineRun.status).toBe(201);
    const baseline = baselineRun.body;
    const OURS = ['wlj', 'ygz', 'yjj', 'hskz'];
    for (const code of OURS) {
      // Nobody else's data for the test's units: nothing but complaints (0) and corrections (0).
      const u = unitOf(baseline, code);
      expect(u.indicators.map((i) => [i.code, i.raw])).toEqual([
        ['on-time-rate', null],
        ['complaints', 0],
        ['corrections', 0],
        ['case-file-review', null],
        ['training', null],
        ['acceptance', null],
        ['satisfaction', null],
      ]);
      expect(u).toMatchObject({ grade: null, rank: null, coverage: 25 });
    }
    const othersGraded = baseline.units
      .filter((u) => !OURS.includes(u.code) && u.total !== null && u.grade !== null)
      .map((u) => u.total!);
    const b = baseline.summary;

    // Complaints against the units: 3 against 县文化和旅游局, 1 against 洋港镇, 3 against 县应急管理局 of
    // which one is not accepted (does not count).
    const complaints = await Promise.all(
      ['wlj', 'wlj', 'wlj', 'ygz', 'yjj', 'yjj', 'yjj'].map((org) => fileComplaint(org)),
    );
    const step = (id: string, taskKey: string) =>
      eventually(
        async () =>
          (await system.engine.listTasks({ processInstanceBusinessKey: id, taskDefinitionKey: taskKey }))
            .length === 1,
        { what: `step ${taskKey} of ${id}`, timeoutMs: 60_000 },
      );
    const rejected = complaints[6];
    await step(rejected, 'acceptance-review');
    const rejection = await http(
      'POST',
      api(`/complaints/${rejected}/acceptance`),
      { decision: 'reject', reason: '不属于行政执法投诉范围' },
      AS_STAFF,
    );
    expect(rejection.status).toBe(202);

    // One complaint against 县文化和旅游局 is accepted and assigned to it (交办), due in three days: a
    // transfer to the unit, open and not yet due (pending, not in the rate); in the last days of December
    // it falls due next year and is not counted at all.
    const assigned = complaints[0];
    await step(assigned, 'acceptance-review');
    expect(
      (await http('POST', api(`/complaints/${assigned}/acceptance`), { decision: 'accept' }, AS_STAFF))
        .status,
    ).toBe(202);
    await step(assigned, 'assign-agency');
    const dueDay = beijingDate(new Date(Date.now() + 3 * 24 * 3600 * 1000));
    const assignment = await http(
      'POST',
      api(`/complaints/${assigned}/assignment`),
      { agencyOrg: 'wlj', dueDate: dueDay },
      AS_STAFF,
    );
    expect(assignment.status).toBe(202);
    const assignedPending = dueDay.startsWith(`${YEAR}-`) ? 1 : 0;

    // Transfers to the units, as any service publishes them. 县文化和旅游局: A on time (its closing event
    // delivered twice), B closed late, C flagged overdue and never closed, D on time with its events
    // out of order, E due next year (not counted). 洋港镇: X on time. 县应急管理局: P closed late, Q open
    // past due.
    const closeA = closed('A', '03-08');
    await publish(
      sent('A', 'wlj', '03-10', '03-01'),
      closeA,
      sent('B', 'wlj', '04-10', '04-01'),
      closed('B', '04-15'),
      sent('C', 'wlj', '05-10', '05-01'),
      overdue('C', '05-11'),
      closed('D', '06-05'),
      sent('D', 'wlj', '06-10', '06-01'),
      envelope(
        {
          kind: 'inspection-finding',
          sourceRef: `${run}-E`,
          sender: 'sfj',
          receiver: 'wlj',
          dueAt: new Date(`${YEAR + 1}-01-20T10:00:00+08:00`).toISOString(),
          status: 'sent',
        },
        at('06-01'),
      ),
      sent('X', 'ygz', '03-20', '03-01'),
      closed('X', '03-19'),
      sent('P', 'yjj', '02-10', '02-01'),
      closed('P', '03-01'),
      sent('Q', 'yjj', '01-01', '01-01'), // due on 1 January: past due whenever the test runs
    );
    await publish(closeA); // the same event again: folded in once

    const projected = () =>
      db.query(
        `SELECT source_ref, receiver, cardinality(event_ids) AS events, closed_at, overdue_since
           FROM justice_bureau.assessment_transfer WHERE source_ref LIKE $1 ORDER BY source_ref`,
        [`${run}-%`],
      ) as Promise<{ source_ref: string; receiver: string; events: number; closed_at: Date | null }[]>;
    const rows = await eventually(
      async () => {
        const r = await projected();
        return r.length === 8 && r.reduce((n, x) => n + Number(x.events), 0) === 14 && r;
      },
      { what: 'the transfers in the assessment projection', timeoutMs: 60_000 },
    );
    const byRef = Object.fromEntries(rows.map((r) => [r.source_ref.slice(run.length + 1), r]));
    expect(Number(byRef.A.events)).toBe(2);
    expect(byRef.D).toMatchObject({ receiver: 'wlj' });
    expect(new Date(byRef.D.closed_at!).toISOString()).toBe(at('06-05').toISOString());
    const inbox = (await db.query(
      `SELECT count(*)::int AS n FROM justice_bureau.inbox_message WHERE event_id = $1`,
      [closeA.id],
    )) as { n: number }[];
    expect(inbox[0].n).toBe(1);

    // In the shapes those capabilities write: a supervision case per row (corrected / no-fault), a review
    // round's average per unit with its files by grade, the annual training check per unit (people, met),
    // a follow-up visit per row (neutral = 基本满意; unreached left out; a reported problem not satisfied).
    // (县文化和旅游局's no-fault supervision case went in before the baseline.)
    const fixtures: [string, string, string, number | null, Record<string, unknown>?][] = [
      ['wlj', V.supervisionCase, 'corrected', null],
      ['wlj', V.caseFileReview, 'pass', 80, { grades: { excellent: 0, pass: 2, fail: 0 } }],
      ['wlj', V.caseFileReview, 'excellent', 95, { grades: { excellent: 1, pass: 0, fail: 0 } }],
      ['wlj', V.training, 'shortfall', 75, { people: 4, met: 3 }],
      ['wlj', V.acceptanceCampaign, 'accepted', 92],
      ['wlj', V.followUpVisit, 'satisfied', 5],
      ['wlj', V.followUpVisit, 'neutral', 3],
      ['wlj', V.followUpVisit, 'dissatisfied', 1],
      ['wlj', V.followUpVisit, 'unreached', null],
      ['ygz', V.caseFileReview, 'excellent', 95, { grades: { excellent: 3, pass: 0, fail: 0 } }],
      ['ygz', V.training, 'met', 100, { people: 2, met: 2 }],
      ['ygz', V.acceptanceCampaign, 'accepted', 88],
      ['yjj', V.supervisionCase, 'corrected', null],
      ['yjj', V.supervisionCase, 'corrected', null],
      ['yjj', V.supervisionCase, 'corrected', null],
      ['yjj', V.supervisionCase, 'dismissed', null],
      ['yjj', V.caseFileReview, 'fail', 50, { grades: { excellent: 0, pass: 0, fail: 1 } }],
      ['yjj', V.training, 'shortfall', 50, { people: 2, met: 1 }],
      ['yjj', V.followUpVisit, 'dissatisfied', 2],
      ['yjj', V.followUpVisit, 'problem', 4],
    ];
    for (const [unit, source, result, score, detail] of fixtures) {
      await input(unit, source, result, score, detail);
    }
    const statusOf = async (id: string) =>
      (
        (await db.query(`SELECT status, handling_due_at FROM justice_bureau.complaint WHERE id = $1`, [
          id,
        ])) as {
          status: string;
          handling_due_at: Date | null;
        }[]
      )[0];
    await eventually(async () => (await statusOf(rejected)).status === 'rejected', {
      what: 'the complaint not accepted',
      timeoutMs: 60_000,
    });
    await eventually(async () => (await statusOf(assigned)).handling_due_at !== null, {
      what: 'the complaint assigned to the agency',
      timeoutMs: 60_000,
    });

    // Not published yet: the public report is not there.
    const before = await http<ErrorBody>('GET', api(`/public/assessment-reports/${YEAR}`));
    expect(before.status).toBe(404);
    expect(before.body.message.zh).toContain('已发布的年度考核结果');

    // Every county department and town of the seed is assessed (45 today).
    const [{ n: unitCount }] = (await db.query(
      `SELECT count(*)::int AS n FROM justice_bureau.organisation WHERE kind IN ('agency', 'town')`,
    )) as { n: number }[];
    expect(unitCount).toBeGreaterThan(40);
    expect(baseline.summary.units).toBe(unitCount);
    const computed = await http<Run>('POST', api(`/assessments/${YEAR}/runs`), undefined, AS_STAFF);
    expect(computed.status).toBe(201);
    const first = computed.body;
    expect(first).toMatchObject({ seq: baseline.seq + 1, status: 'computed', weightsSource: 'office' });

    // By hand, weights 25/15/10/20/10/10/10:
    // 县文化和旅游局: on time 2 of 4 due (A, D; B late, C overdue; E next year) = 50; complaints 3 → 100−15
    //   = 85; corrections 1 → 90; case files (2×80 + 1×95)/3 = 85; training 3/4 = 75; acceptance 92;
    //   satisfaction 2 of 3 rated = 66.7 → (25×50 + 15×85 + 10×90 + 20×85 + 10×75 + 10×92 + 10×66.7)/100 = 74.6 合格
    // 洋港镇: on time 1/1 = 100; complaints 1 → 95; corrections 0 → 100; case files 95; training 100;
    //   acceptance 88; satisfaction no data → (2500 + 1425 + 1000 + 1900 + 1000 + 880)/90 = 96.7 优秀
    // 县应急管理局: on time 0/2 = 0; complaints 2 → 90; corrections 3 → 70; case files 50; training 50;
    //   acceptance no data; satisfaction 0/2 = 0 → (0 + 1350 + 700 + 1000 + 500 + 0)/90 = 39.4 不合格
    const wlj = unitOf(first, 'wlj');
    expect(wlj.name).toBe('县文化和旅游局');
    expect(wlj.indicators.map((i) => [i.code, i.raw, i.score])).toEqual([
      ['on-time-rate', 50, 50],
      ['complaints', 3, 85],
      ['corrections', 1, 90],
      ['case-file-review', 85, 85],
      ['training', 75, 75],
      ['acceptance', 92, 92],
      ['satisfaction', 66.7, 66.7],
    ]);
    expect(indicatorOf(wlj, 'on-time-rate').detail).toEqual({
      due: 4,
      onTime: 2,
      late: 1,
      overdue: 1,
      pending: assignedPending,
    });
    expect(wlj).toMatchObject({ total: 74.6, grade: 'pass', coverage: 100 });
    const ygz = unitOf(first, 'ygz');
    expect(ygz.name).toBe('洋港镇');
    expect(indicatorOf(ygz, 'satisfaction')).toMatchObject({ noData: true, raw: null, score: null });
    expect(indicatorOf(ygz, 'on-time-rate').effectiveWeight).toBe(27.78);
    expect(ygz).toMatchObject({ total: 96.7, grade: 'excellent', coverage: 90 });
    const yjj = unitOf(first, 'yjj');
    expect(yjj.name).toBe('县应急管理局');
    expect(indicatorOf(yjj, 'complaints').raw).toBe(2);
    expect(indicatorOf(yjj, 'acceptance').noData).toBe(true);
    expect(yjj).toMatchObject({ total: 39.4, grade: 'fail', gradeLabel: { zh: '不合格' } });
    // Ranks: among the other units' graded totals (unchanged since the baseline), best first.
    const ourTotals = [96.7, 74.6, 39.4];
    expect([ygz.rank, wlj.rank, yjj.rank]).toEqual(
      ourTotals.map((t) => expectedRank(t, [...othersGraded, ...ourTotals])),
    );
    expect(ygz.rank!).toBeLessThan(wlj.rank!);
    expect(wlj.rank!).toBeLessThan(yjj.rank!);
    const position = (r: Run, code: string) => r.units.findIndex((u) => u.code === code);
    expect(position(first, 'ygz')).toBeLessThan(position(first, 'wlj'));
    expect(position(first, 'wlj')).toBeLessThan(position(first, 'yjj'));
    // A unit nobody reported anything about has only complaints and corrections (0 each): too little data.
    const hskz = unitOf(first, 'hskz');
    expect(hskz).toMatchObject({
      name: '黄颡口镇',
      grade: null,
      rank: null,
      coverage: 25,
      gradeLabel: { zh: '数据不足，不予评定' },
    });
    expect(indicatorOf(hskz, 'on-time-rate').noData).toBe(true);
    // The county: the baseline plus these units' figures (no other unit's grade moved).
    const county = {
      graded: b.graded + 3,
      complaints: b.complaints + 6,
      corrections: b.corrections + 4,
      transfersDue: b.transfersDue + 7,
      transfersOnTime: b.transfersOnTime + 3,
    };
    const countyRate = Math.round(((county.transfersOnTime * 100) / county.transfersDue) * 10) / 10;
    expect(first.summary).toEqual({
      units: unitCount,
      byGrade: {
        excellent: b.byGrade.excellent + 1,
        good: b.byGrade.good,
        pass: b.byGrade.pass + 1,
        fail: b.byGrade.fail + 1,
        ungraded: b.byGrade.ungraded - 3,
      },
      ...county,
      onTimeRate: countyRate,
    });
    // Standing alone (an empty county but for these units) that is 3 graded, 6 complaints, 3 of 7 = 42.9.
    if (b.transfersDue === 0) expect(countyRate).toBe(42.9);
    expect(first.inputs!.length).toBe(unitCount);

    // The stored run keeps its inputs, weights and rules for the audit.
    const [stored] = (await db.query(
      `SELECT weights, rules->'minCoverage'->>'percent' AS coverage, jsonb_array_length(inputs) AS units
         FROM justice_bureau.assessment_run WHERE id = $1`,
      [first.id],
    )) as { weights: Record<string, number>; coverage: string; units: number }[];
    expect(stored).toEqual({ weights: WEIGHTS, coverage: '50', units: unitCount });

    // A late acceptance result for 县应急管理局, then a recomputation: a new run, the first unchanged.
    await input('yjj', ASSESSMENT_SOURCE.acceptanceCampaign, 'failed', 60);
    const second = (await http<Run>('POST', api(`/assessments/${YEAR}/runs`), undefined, AS_STAFF)).body;
    expect(second.seq).toBe(first.seq + 1);
    // (3550 + 10×60)/100 = 41.5
    expect(unitOf(second, 'yjj')).toMatchObject({ total: 41.5, grade: 'fail' });
    const listed = await http<{ items: Run[] }>('GET', api(`/assessments/${YEAR}/runs`), undefined, AS_STAFF);
    expect(listed.body.items.map((r) => [r.seq, r.status])).toEqual([
      [second.seq, 'computed'],
      [first.seq, 'computed'],
      [baseline.seq, 'computed'],
      ...Array.from({ length: baseline.seq - 1 }, (_, i) => [baseline.seq - 1 - i, 'computed']),
    ]);
    expect(
      unitOf(
        (await http<Run>('GET', api(`/assessments/${YEAR}/runs/${first.id}`), undefined, AS_STAFF)).body,
        'yjj',
      ).total,
    ).toBe(39.4);

    // Publication: the head only; one published run a year unless superseded explicitly, with a reason.
    const publishApi = (id: string) => api(`/assessments/${YEAR}/runs/${id}/publish`);
    expect((await http('POST', publishApi(first.id), {}, AS_STAFF)).status).toBe(403);
    expect((await http('POST', publishApi(first.id), {}, AS_HEAD)).status).toBe(200);
    const again = await http<ErrorBody>('POST', publishApi(first.id), {}, AS_HEAD);
    expect(again.status).toBe(409);
    expect(again.body.message.zh).toContain('已经发布');
    const secondPublish = await http<ErrorBody>('POST', publishApi(second.id), {}, AS_HEAD);
    expect(secondPublish.status).toBe(409);
    expect(secondPublish.body.message.zh).toContain(`已发布第${first.seq}次考核计算结果`);
    expect(secondPublish.body.message.en).toContain('supersede it explicitly');

    // Published: the county's and each unit's public annual report, without personal data.
    const report = await http<{
      title: string;
      county: Run['summary'];
      units: {
        code: string;
        complaints: number;
        onTimeRate: number | null;
        gradeLabel: { zh: string };
        total: number | null;
      }[];
    }>('GET', api(`/public/assessment-reports/${YEAR}`));
    expect(report.status).toBe(200);
    expect(report.body.title).toBe(`阳新县${YEAR}年度行政执法机关年度报告`);
    expect(report.body.county).toMatchObject({
      complaints: county.complaints,
      transfersDue: county.transfersDue,
      onTimeRate: countyRate,
    });
    expect(report.body.units.find((u) => u.code === 'yjj')).toMatchObject({
      complaints: 2,
      onTimeRate: 0,
      total: 39.4,
      gradeLabel: { zh: '不合格' },
    });
    expect(JSON.stringify(report.body)).not.toContain('张三');
    expect(JSON.stringify(report.body)).not.toContain('13800138000');
    const wljReport = await http<{
      unit: {
        onTimeRate: number;
        transfersDue: number;
        grade: string;
        indicators: { name: { zh: string }; raw: number | null }[];
      };
    }>('GET', api(`/public/assessment-reports/${YEAR}/units/wlj`));
    expect(wljReport.body.unit).toMatchObject({ onTimeRate: 50, transfersDue: 4, grade: 'pass' });
    expect(wljReport.body.unit.indicators.map((i) => `${i.name.zh}:${i.raw ?? '无数据'}`)).toEqual([
      '按时办结率:50',
      '投诉举报件数:3',
      '纠错件数:1',
      '案卷评查得分:85',
      '培训达标率:75',
      '创建验收结果:92',
      '回访满意率:66.7',
    ]);
    expect((await http('GET', api(`/public/assessment-reports/${YEAR}/units/nosuch`))).status).toBe(404);
    expect((await http('GET', api(`/public/assessment-reports/${YEAR + 1}`))).status).toBe(404);

    const noReason = await http<ErrorBody>('POST', publishApi(second.id), { supersede: true }, AS_HEAD);
    expect(noReason.status).toBe(422);
    expect(noReason.body.message.zh).toContain('说明理由');
    const superseding = await http<Run>(
      'POST',
      publishApi(second.id),
      { supersede: true, reason: '应急管理局创建验收结果补录' },
      AS_HEAD,
    );
    expect(superseding.status).toBe(200);
    expect(superseding.body.status).toBe('published');
    const old = (await http<Run>('GET', api(`/assessments/${YEAR}/runs/${first.id}`), undefined, AS_STAFF))
      .body;
    expect(old).toMatchObject({
      status: 'superseded',
      supersededBy: second.id,
      supersedeReason: '应急管理局创建验收结果补录',
    });
    expect((await http('POST', publishApi(first.id), {}, AS_HEAD)).status).toBe(409);
    const now = await http<{ unit: { total: number } }>(
      'GET',
      api(`/public/assessment-reports/${YEAR}/units/yjj`),
    );
    expect(now.body.unit.total).toBe(41.5);
    // The recomputation changed 县应急管理局's score only: the county's figures and the ranks stay.
    expect(second.summary).toEqual(first.summary);
    const rankIn = (r: Run, code: string) => unitOf(r, code).rank;
    expect(OURS.map((c) => rankIn(second, c))).toEqual(OURS.map((c) => rankIn(first, c)));

    // The ledger (Excel): a row per unit with every indicator's raw value and score, ranked first.
    const ledger = await fetch(api(`/assessments/${YEAR}/runs/${second.id}/ledger`), {
      headers: authenticate(AS_STAFF),
    });
    expect(ledger.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await ledger.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('考核结果')!;
    const line = (n: number) =>
      (sheet.getRow(n).values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v)));
    expect(line(2).slice(0, 5)).toEqual(['名次', '单位', '类别', '按时办结率（%）', '按时办结率得分']);
    expect(sheet.rowCount).toBe(2 + unitCount);
    const lines = Array.from({ length: unitCount }, (_, i) => line(3 + i));
    const lineOf = (name: string) => lines.findIndex((l) => l[1] === name);
    expect(lines[lineOf('洋港镇')]).toEqual([
      String(rankIn(second, 'ygz')),
      '洋港镇',
      '镇（区）',
      ...['100', '100', '1', '95', '0', '100', '95', '95', '100', '100', '88', '88', '无数据', '无数据'],
      '90',
      '96.7',
      '优秀',
    ]);
    expect(lines[lineOf('县应急管理局')].slice(0, 3)).toEqual([
      String(rankIn(second, 'yjj')),
      '县应急管理局',
      '县直部门',
    ]);
    expect(lineOf('洋港镇')).toBeLessThan(lineOf('县文化和旅游局'));
    expect(lineOf('县文化和旅游局')).toBeLessThan(lineOf('县应急管理局'));
    // Ranked first: the graded units by rank, then the ungraded ones.
    const ranked = (l: string[]) => /^\d+$/.test(l[0]);
    const ledgerRanks = lines.filter(ranked).map((l) => l[0]);
    expect(ledgerRanks.map(Number)).toEqual(second.units.filter((u) => u.rank !== null).map((u) => u.rank));
    expect(lines.slice(0, ledgerRanks.length).every(ranked)).toBe(true);

    // The report to the county party committee and government, read back from the PDF.
    const pdf = await fetch(api(`/assessments/${YEAR}/runs/${second.id}/report`), {
      headers: authenticate(AS_STAFF),
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, '');
    // The county's mean case-file review score over the units with a score: the baseline's others and
    // these three (85, 95, 50); (85 + 95 + 50) / 3 = 76.7 standing alone.
    const reviewScores = [
      ...baseline.units
        .filter((u) => !OURS.includes(u.code))
        .map((u) => indicatorOf(u, 'case-file-review').score)
        .filter((s): s is number => s !== null),
      85,
      95,
      50,
    ];
    const reviewMean = Math.round((reviewScores.reduce((a, s) => a + s, 0) / reviewScores.length) * 10) / 10;
    if (reviewScores.length === 3) expect(reviewMean).toBe(76.7);
    const s = second.summary;
    for (const expected of [
      `阳新县${YEAR}年度行政执法监督工作报告`,
      '中共阳新县委、阳新县人民政府：',
      `本年度共考核县直行政执法部门和镇（区）${unitCount}个，评定等次${s.graded}个：优秀${s.byGrade.excellent}个、良好${s.byGrade.good}个、合格${s.byGrade.pass}个、不合格${s.byGrade.fail}个；因数据不足不予评定${s.byGrade.ungraded}个`,
      `全年登记针对各单位的行政执法投诉举报${county.complaints}件；监督检查认定过错并责令纠错${county.corrections}件`,
      `本年度到期的事项${county.transfersDue}件，按时办结${county.transfersOnTime}件，按时办结率${countyRate}%`,
      '县应急管理局（41.5分）',
      '各项指标全县情况',
      `案卷评查得分${reviewScores.length}${unitCount - reviewScores.length}${reviewMean}`,
      '约谈单位主要负责人',
      '数据不足',
      '黄颡口镇',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf('洋港镇')).toBeLessThan(text.indexOf('县文化和旅游局'));
    expect(text.indexOf('县文化和旅游局')).toBeLessThan(text.indexOf('县应急管理局'));
    expect(text).not.toContain('未发布稿');
  });

  it('answers bad years, unknown runs and other organisations with bilingual errors', async () => {
    const badYear = await http<ErrorBody>('GET', api('/assessments/20x6/runs'), undefined, AS_STAFF);
    expect(badYear.status).toBe(400);
    expect(badYear.body.message.zh).toContain('考核年度');
    const missing = await http<ErrorBody>(
      'GET',
      api(`/assessments/${YEAR}/runs/${randomUUID()}`),
      undefined,
      AS_STAFF,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.message.zh).toContain('未找到考核计算结果');
    expect(missing.body.message.en).toContain('was not found');
    const agency = await http<ErrorBody>(
      'POST',
      api(`/assessments/${YEAR}/runs`),
      undefined,
      asAgency('wlj'),
    );
    expect(agency.status).toBe(403);
    expect(agency.body.message.zh).toBeTruthy();
    expect(agency.body.message.en).toBeTruthy();
  });
});
