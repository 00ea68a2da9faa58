import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { EventEnvelope, SupervisionCaseChangedV1, TOPIC, USER_TASK } from '@oversight/contracts';
import { beijingDate } from '@oversight/deadlines';
import {
  AS_HEAD,
  AS_REVIEWER,
  AS_STAFF,
  asAgency,
  authenticate,
  engineState,
  eventually,
  http,
} from '@oversight/testing';
import { DEFAULT_REVIEW_STANDARD } from '../../apps/justice-bureau/src/case-file-review/case-file-review-standard';
import { Services, startServices } from './services';

/**
 * Issue 11 as one loop, through the gateway on the real engine, Kafka and PostgreSQL: a dissatisfied
 * follow-up visit and a failing case file each ask (by event) for a supervision case; the visit and the
 * file show the case opened for them; the visit's case is driven to a correction and closed, the file's
 * dismissed, and the visit shows it closed (late changes do not reopen it); the training check runs;
 * and the year's assessment reads all of it for the agency — corrections, satisfaction, review score and
 * training from those rows alone.
 */

type Bi = { zh: string; en: string };
interface Linked {
  id: string;
  caseNumber: string;
  status: string;
  statusLabel: Bi;
  closed: boolean;
}
interface Visit {
  id: string;
  caseId: string;
  agencyCode: string;
  result: string | null;
  supervisionRequested: boolean;
  supervisionCase: Linked | null;
}
interface ReviewFile {
  id: string;
  caseNumber: string;
  total: number | null;
  grade: string | null;
  supervisionCase: Linked | null;
}
interface SupervisionCase {
  id: string;
  caseNumber: string;
  source: string;
  sourceRef: string;
  agencyCode: string;
  status: string;
  result: string | null;
  correctionOrdered: boolean | null;
  rectified: boolean | null;
}
interface Indicator {
  code: string;
  raw: number | null;
}

/** 县水利和湖泊局: an agency no other spec works with, so the year's figures are this test's alone. */
const AGENCY = 'slj';
const YEAR = Number(beijingDate(new Date()).slice(0, 4));
const PDF = Buffer.from('%PDF-1.4\n%case file\n', 'latin1');
const STANDARD = DEFAULT_REVIEW_STANDARD.items;
const run = Date.now().toString(36);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Every item at full weight except the deductions given (item code → points lost, finding). */
const sheet = (reviewerId: string, lost: Record<string, [number, string]> = {}) => ({
  reviewerId,
  items: STANDARD.map((i) => ({
    code: i.code,
    score: i.weight - (lost[i.code]?.[0] ?? 0),
    finding: lost[i.code]?.[1] ?? '',
  })),
});
const totalOf = (s: ReturnType<typeof sheet>) => s.items.reduce((sum, i) => sum + i.score, 0);

describe('supervision loop: requesters, supervision cases, registers and the assessment together', () => {
  let system: Services;

  let producer: Producer;

  beforeAll(async () => {
    system = await startServices(['justice-bureau', 'liaison']);
    const kafka = new Kafka({
      clientId: 'supervision-loop-test',
      brokers: process.env.KAFKA_BROKERS!.split(','),
    });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await system?.stop();
  });

  const api = (path: string) => `${system.api}${path}`;
  const post = async <T>(path: string, body: unknown, who: Record<string, string>, status = 201) => {
    const res = await http<T>('POST', api(path), body, who);
    if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const get = async <T>(path: string, who: Record<string, string> = AS_STAFF) => {
    const res = await http<T>('GET', api(path), undefined, who);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const visitOf = async (id: string) =>
    (await get<{ items: Visit[] }>(`/follow-up-visits?year=${YEAR}`)).items.find((v) => v.id === id)!;
  const fileOf = async (roundId: string, id: string) =>
    (await get<{ files: ReviewFile[] }>(`/case-file-reviews/${roundId}`)).files.find((f) => f.id === id)!;

  /** The supervision case the bureau opened for a requester (by source and reference), once it exists. */
  const requestedCase = (source: string, sourceRef: string) =>
    eventually(
      async () =>
        (
          await get<{ items: SupervisionCase[] }>(
            `/supervision-cases?source=${source}&agency=${AGENCY}&limit=100`,
          )
        ).items.find((c) => c.sourceRef === sourceRef),
      { what: `supervision case for ${source} ${sourceRef}`, timeoutMs: 60_000 },
    );

  async function step(id: string, taskKey: string): Promise<void> {
    try {
      await eventually(
        async () =>
          (await system.engine.listTasks({ processInstanceBusinessKey: id, taskDefinitionKey: taskKey }))
            .length > 0,
        { what: `${taskKey} of ${id}`, timeoutMs: 60_000 },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await engineState(process.env.ENGINE_URL!, id)}`);
    }
  }

  const supervisionCase = (id: string, what: string, ok: (c: SupervisionCase) => boolean) =>
    eventually(
      async () => {
        const c = await get<SupervisionCase>(`/supervision-cases/${id}`);
        return ok(c) && c;
      },
      { what, timeoutMs: 60_000 },
    );

  it('closes the loop from the visits and the review files to the assessment of the year', async () => {
    // 1. Follow-up visits: two closed cases of the agency, both drawn; one party dissatisfied.
    for (const n of [1, 2]) {
      await post(
        '/follow-up-visits/cases',
        {
          agencyCode: AGENCY,
          caseKind: 'enforcement',
          caseNumber: `阳水罚〔${YEAR}〕${n}号-${run}`,
          title: `某河道采砂案${n}`,
          closedOn: `${YEAR}-01-01`,
          partyName: `当事人${n}`,
          partyPhone: '13900000000',
        },
        AS_STAFF,
      );
    }
    const draw = await post<{ visits: Visit[] }>(
      '/follow-up-visits/draws',
      { year: YEAR, ratios: { enforcement: 1, reconsideration: 1, litigation: 1 } },
      AS_STAFF,
    );
    const visits = draw.visits.filter((v) => v.agencyCode === AGENCY);
    expect(visits).toHaveLength(2);
    const [unhappy, happy] = visits;
    const results = [
      { visit: unhappy, satisfaction: 2, problems: '执法人员未出示执法证件' },
      { visit: happy, satisfaction: 5 },
    ];
    for (const r of results) {
      const recorded = await post<Visit>(
        `/follow-up-visits/${r.visit.id}/result`,
        {
          reached: true,
          satisfaction: r.satisfaction,
          problems: r.problems,
          method: 'phone',
          visitor: '王晓明',
        },
        AS_STAFF,
      );
      expect(recorded.supervisionCase).toBeNull(); // asked for, not opened yet
    }
    expect((await visitOf(unhappy.id)).supervisionRequested).toBe(true);
    expect((await visitOf(happy.id)).supervisionRequested).toBe(false);

    // 2. Case-file review: an annual round of the agency's two files, one failing.
    const round = await post<{ id: string }>(
      '/case-file-reviews',
      { kind: 'annual', year: YEAR, agencies: [AGENCY] },
      AS_STAFF,
    );
    const files: ReviewFile[] = [];
    for (const n of [1, 2]) {
      const form = new FormData();
      const caseNumber = `阳水罚〔${YEAR}〕${10 + n}号-${run}`;
      form.append('caseNumber', caseNumber);
      form.append('caseKind', '行政处罚');
      form.append('title', `某水库违法取水案${n}`);
      form.append('decisionDate', `${YEAR}-01-01`);
      form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), `${caseNumber}.pdf`);
      const res = await fetch(api(`/agency/case-file-reviews/${round.id}/files`), {
        method: 'POST',
        body: form,
        headers: authenticate(asAgency(AGENCY)),
      });
      expect(res.status).toBe(201);
      files.push((await res.json()) as ReviewFile);
    }
    const reviewer = await post<{ id: string }>(
      `/case-file-reviews/${round.id}/reviewers`,
      {
        kind: 'bureau',
        name: '李红',
        userId: AS_REVIEWER['x-oversight-user'],
        fileIds: files.map((f) => f.id),
      },
      AS_STAFF,
    );
    const sheets = [
      sheet(reviewer.id, { documents: [5, '文书签章不全'] }),
      sheet(reviewer.id, {
        procedure: [15, '未告知陈述申辩权'],
        evidence: [10, '证据未经质证'],
        facts: [10, '违法事实表述不清'],
      }),
    ];
    const totals = sheets.map(totalOf);
    expect(totals[1]).toBeLessThan(DEFAULT_REVIEW_STANDARD.passMark); // the second file fails
    for (const [i, file] of files.entries()) {
      await post(`/case-file-reviews/${round.id}/files/${file.id}/scores`, sheets[i], AS_REVIEWER);
    }
    await post(`/case-file-reviews/${round.id}/close`, undefined, AS_STAFF, 200);
    const failing = files[1];

    // 3. Each request reached the bureau through Kafka: one case each, with source, agency and reference.
    const visitCase = await requestedCase('follow-up-visit', unhappy.id);
    const fileCase = await requestedCase('case-file-review', failing.id);
    expect(visitCase).toMatchObject({ source: 'follow-up-visit', agencyCode: AGENCY, sourceRef: unhappy.id });
    expect(fileCase).toMatchObject({ source: 'case-file-review', agencyCode: AGENCY, sourceRef: failing.id });
    const all = await get<{ items: SupervisionCase[] }>(`/supervision-cases?agency=${AGENCY}&limit=100`);
    expect(all.items.map((c) => c.sourceRef).sort()).toEqual([unhappy.id, failing.id].sort());

    // …and the visit and the file show the case opened for them (the new consumer).
    const linkedVisit = await eventually(
      async () => {
        const v = await visitOf(unhappy.id);
        return v.supervisionCase ? v : undefined;
      },
      { what: 'the visit shows its supervision case', timeoutMs: 60_000 },
    );
    expect(linkedVisit.supervisionCase).toMatchObject({
      id: visitCase.id,
      caseNumber: visitCase.caseNumber,
      closed: false,
    });
    expect((await visitOf(happy.id)).supervisionCase).toBeNull();
    const linkedFile = await eventually(
      async () => {
        const f = await fileOf(round.id, failing.id);
        return f.supervisionCase ? f : undefined;
      },
      { what: 'the file shows its supervision case', timeoutMs: 60_000 },
    );
    expect(linkedFile.supervisionCase).toMatchObject({ id: fileCase.id, caseNumber: fileCase.caseNumber });
    expect((await fileOf(round.id, files[0].id)).supervisionCase).toBeNull();

    // 4. The visit's case: filed, a fault found, correction ordered, rectified, accepted: closed.
    const id = visitCase.id;
    await step(id, USER_TASK.approveSupervisionFiling);
    await post(`/supervision-cases/${id}/filing-decision`, { decision: 'file' }, AS_HEAD, 202);
    await step(id, USER_TASK.investigateSupervisionCase);
    await post(
      `/supervision-cases/${id}/investigation`,
      {
        findings: '回访反映执法人员检查时未出示执法证件，经调查属实。',
        proposal: 'fault',
        proposedHandling: '责令该局纠正，对相关执法人员开展亮证执法教育。',
        instrument: 'suggestion',
        requirements: '一、落实亮证执法制度；二、开展执法规范化培训。',
      },
      AS_STAFF,
      202,
    );
    await step(id, USER_TASK.approveSupervisionHandling);
    await post(`/supervision-cases/${id}/handling-decision`, { decision: 'approve' }, AS_HEAD, 202);
    await step(id, USER_TASK.rectifySupervisionFindings);
    expect((await get<SupervisionCase>(`/supervision-cases/${id}`)).correctionOrdered).toBe(true);
    await post(
      `/agency/supervision-cases/${id}/rectification`,
      { report: '已落实亮证执法制度。', measures: '已开展执法规范化培训。' },
      asAgency(AGENCY),
      202,
    );
    await step(id, USER_TASK.reviewSupervisionRectification);
    await post(`/supervision-cases/${id}/rectification-review`, { decision: 'accept' }, AS_STAFF, 202);
    const closed = await supervisionCase(id, 'visit case closed', (c) => c.status === 'closed');
    expect(closed).toMatchObject({ result: 'corrected', correctionOrdered: true, rectified: true });

    // The file's case is dismissed: a final status too, and no correction.
    await step(fileCase.id, USER_TASK.approveSupervisionFiling);
    await post(
      `/supervision-cases/${fileCase.id}/filing-decision`,
      { decision: 'dismiss', opinion: '该案卷问题已在评查中指出，由该局自行整改，不予立案。' },
      AS_HEAD,
      202,
    );
    await supervisionCase(fileCase.id, 'file case dismissed', (c) => c.status === 'dismissed');

    // The visit shows its case closed, the file its case dismissed.
    const closedVisit = await eventually(
      async () => {
        const v = await visitOf(unhappy.id);
        return v.supervisionCase?.status === 'closed' && v;
      },
      { what: 'the visit shows its case closed', timeoutMs: 60_000 },
    );
    expect(closedVisit.supervisionCase).toMatchObject({
      caseNumber: visitCase.caseNumber,
      status: 'closed',
      statusLabel: { zh: '已结案', en: 'closed' },
      closed: true,
    });
    // Late or replayed changes do not reopen it: an open status, stamped before and after the closing.
    const stale = [-3600_000, 3600_000].map(
      (shift): EventEnvelope<SupervisionCaseChangedV1> => ({
        id: randomUUID(),
        type: TOPIC.supervisionCaseChanged,
        source: 'justice-bureau',
        time: new Date(Date.now() + shift).toISOString(),
        subject: id,
        data: {
          caseId: id,
          caseNumber: visitCase.caseNumber,
          source: 'follow-up-visit',
          sourceRef: unhappy.id,
          agencyCode: AGENCY,
          status: 'rectification',
          correctionOrdered: true,
          closed: false,
        },
      }),
    );
    await producer.send({
      topic: TOPIC.supervisionCaseChanged,
      messages: stale.map((e) => ({ key: id, value: JSON.stringify(e) })),
    });
    await eventually(
      async () =>
        Number(
          (
            (await system
              .db('justice-bureau')
              .query(
                `SELECT count(*)::int AS n FROM justice_bureau.inbox_message WHERE consumer = $1 AND event_id = ANY($2)`,
                ['RequestedSupervisionCaseChangedConsumer', stale.map((e) => e.id)],
              )) as { n: number }[]
          )[0].n,
        ) === 2,
      { what: 'the stale changes consumed', timeoutMs: 60_000 },
    );
    expect((await visitOf(unhappy.id)).supervisionCase).toMatchObject({ status: 'closed', closed: true });
    await eventually(
      async () => (await fileOf(round.id, failing.id)).supervisionCase?.status === 'dismissed',
      { what: 'the file shows its case dismissed', timeoutMs: 60_000 },
    );

    // 5. Registers: an officer trained 5 days, an auxiliary 1 day (short of 3); the annual check runs.
    const training = [
      { name: '甲执法', kind: 'officer', days: 5 },
      { name: '乙辅助', kind: 'auxiliary', days: 1 },
    ];
    const requirements = (
      await get<{ requirements: { kind: string; minDays: number }[] }>(
        `/registers/training/annual-check?year=${YEAR}`,
      )
    ).requirements;
    for (const t of training) {
      const person = await post<{ id: string }>(
        '/registers/people',
        {
          name: `${t.name}${run}`,
          kind: t.kind,
          post: '执法岗',
          staffingType: t.kind === 'officer' ? '行政编制' : undefined,
        },
        asAgency(AGENCY),
      );
      await post(
        '/registers/training',
        {
          personId: person.id,
          topic: '行政处罚法',
          kind: '集中培训',
          trainedOn: `${YEAR}-01-01`,
          days: t.days,
        },
        asAgency(AGENCY),
      );
    }
    await post('/registers/training/annual-check', { year: YEAR }, AS_STAFF);

    // 6. The assessment of the year, from those rows alone, against what this test did.
    const assessed = await post<{ units: { code: string; indicators: Indicator[] }[] }>(
      `/assessments/${YEAR}/runs`,
      undefined,
      AS_STAFF,
    );
    const unit = assessed.units.find((u) => u.code === AGENCY)!;
    const raw = (code: string) => unit.indicators.find((i) => i.code === code)?.raw;
    const met = training.filter((t) => t.days >= requirements.find((r) => r.kind === t.kind)!.minDays).length;
    const satisfied = results.filter((r) => r.satisfaction >= 4 && !r.problems).length;
    expect({
      corrections: raw('corrections'),
      satisfaction: raw('satisfaction'),
      review: raw('case-file-review'),
      training: raw('training'),
    }).toEqual({
      corrections: 1,
      satisfaction: round1((satisfied * 100) / results.length),
      review: round1(totals.reduce((a, b) => a + b, 0) / totals.length),
      training: round1((met * 100) / training.length),
    });
    expect(met).toBe(1);
  });
});
