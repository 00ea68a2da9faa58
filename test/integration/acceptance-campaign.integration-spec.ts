import { Workbook } from 'exceljs';
import { PROCESS, TRANSFER_KIND, USER_TASK } from '@oversight/contracts';
import {
  AS_STAFF,
  asAgency,
  EngineClock,
  eventually,
  http,
  pdfText,
  authenticate,
  engineState,
} from '@oversight/testing';
import {
  ACCEPTANCE_CHECKLIST,
  applicableItems,
} from '../../apps/justice-bureau/src/acceptance-campaign/acceptance-checklist';
import { Services, startServices } from './services';

/**
 * A whole creation-stage acceptance campaign (domain.md §2.4) through the gateway, on the real engine,
 * Kafka and PostgreSQL, with five units — both demonstration units, two county departments and a town —
 * while the engine's clock runs through the campaign calendar: work plans (one late, one never sent),
 * progress with evidence, self-check (one unit misses it), acceptance (one unit inspected late, one fails
 * and is rectified, late, then re-inspected), the summary (late), the assessment input, the ledger and
 * the report; and liaison's register.
 */

interface Campaign {
  id: string;
  year: number;
  status: string;
  calendar: Record<string, string>;
  participants: { code: string; name: string; kind: string; demonstration: boolean }[];
}

interface BoardRow {
  code: string;
  stage: string;
  late: boolean;
  lateWindows: { window: string }[];
  selfScore: number | null;
  inspectionScore: number | null;
  rectificationRounds: number;
  rectificationDueAt: string | null;
  result: string | null;
  progressRecords: number;
  notices: number;
}

interface Board {
  campaign: { status: string };
  totals: { units: number; late: number; accepted: number; byStage: Record<string, number> };
  units: BoardRow[];
}

interface Transfer {
  sourceRef: string;
  sender: string;
  receiver: string;
  status: string;
  dueAt: string | null;
  closedAt: string | null;
  overdue: boolean;
  overdueSince: string | null;
}

type ErrorBody = { message: { zh: string; en: string } };

const YEAR = 2027;
const UNITS = ['scjg', 'xgz', 'fgj', 'jyj', 'fcz'];
const KIND: Record<string, 'agency' | 'town'> = {
  scjg: 'agency',
  xgz: 'town',
  fgj: 'agency',
  jyj: 'agency',
  fcz: 'town',
};
const PDF = Buffer.from('%PDF-1.4\n%acceptance evidence\n', 'latin1');

describe('creation-stage acceptance campaign, through the whole calendar', () => {
  let system: Services;
  const clock = new EngineClock(process.env.ENGINE_URL!);

  beforeAll(async () => {
    system = await startServices(['justice-bureau', 'liaison']);
  });

  afterEach(async () => {
    await clock.reset();
  });

  afterAll(async () => {
    await system?.stop();
  });

  const api = (path: string) => `${system.api}${path}`;
  const unitApi = (id: string, path = '') => api(`/agency/acceptance-campaigns/${id}${path}`);

  async function board(id: string, query = ''): Promise<Board> {
    const { status, body } = await http<Board>(
      'GET',
      api(`/acceptance-campaigns/${id}/board${query}`),
      undefined,
      AS_STAFF,
    );
    expect(status).toBe(200);
    return body;
  }

  /** Waits until every named unit's row satisfies `ok`, and returns the board. */
  async function until(
    id: string,
    what: string,
    units: string[],
    ok: (row: BoardRow) => boolean,
  ): Promise<Board> {
    try {
      return await eventually(
        async () => {
          const b = await board(id);
          return units.every((code) => ok(b.units.find((u) => u.code === code) as BoardRow)) && b;
        },
        { what, timeoutMs: 45000 },
      );
    } catch (error) {
      const rows = (await board(id)).units.filter((u) => units.includes(u.code));
      throw new Error(
        `${(error as Error).message}\nboard: ${JSON.stringify(rows)}\n${await engineState(process.env.ENGINE_URL!, id)}`,
      );
    }
  }

  /** Waits until the engine holds the unit's step, so an action on it is not a race with the timer's job. */
  async function step(id: string, taskKey: string, unitCode: string): Promise<void> {
    await eventually(
      async () =>
        (
          await system.engine.listTasks({
            processInstanceBusinessKey: id,
            taskDefinitionKey: taskKey,
            taskVariables: `unitCode_eq_${unitCode}`,
          })
        ).length === 1,
      { what: `step ${taskKey} of ${unitCode}`, timeoutMs: 45000 },
    );
  }

  async function upload(id: string, unit: string, itemCode?: string): Promise<string> {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), `${unit}-佐证.pdf`);
    if (itemCode) form.append('itemCode', itemCode);
    const response = await fetch(unitApi(id, '/evidence'), {
      method: 'POST',
      body: form,
      headers: authenticate(asAgency(unit)),
    });
    expect(response.status).toBe(201);
    const [view] = (await response.json()) as { id: string }[];
    return view.id;
  }

  const selfCheck = (unit: string, evidenceId: string, dropEvidenceOf: string[] = []) => ({
    summary: `${unit}自查报告：对照验收清单逐项自查。`,
    items: applicableItems(ACCEPTANCE_CHECKLIST, KIND[unit]).map((item) => ({
      itemCode: item.code,
      score: item.weight - 0.5,
      evidenceIds: dropEvidenceOf.includes(item.code) ? [] : [evidenceId],
    })),
  });

  /** Scores every applicable item at `fraction` of its weight (rounded down to half points). */
  const inspection = (
    unit: string,
    fraction: number,
    decision: string,
    extra: Record<string, unknown> = {},
  ) => ({
    items: applicableItems(ACCEPTANCE_CHECKLIST, KIND[unit]).map((item) => ({
      itemCode: item.code,
      score: Math.floor(item.weight * fraction * 2) / 2,
    })),
    decision,
    opinion: `${unit}验收意见`,
    inspectors: ['县司法局 王某', '县人大 李某'],
    ...extra,
  });

  async function transfers(kind: string): Promise<Transfer[]> {
    const { body } = await http<{ items: Transfer[] }>(
      'GET',
      api(`/liaison/transfers?kind=${kind}&limit=500`),
      undefined,
      AS_STAFF,
    );
    return body.items;
  }

  it('runs a campaign with five units from the work plans to the report and the assessment input', async () => {
    // The office starts the campaign: plan dates by default, four named participants.
    const forbidden = await http('POST', api('/acceptance-campaigns'), { year: YEAR }, asAgency('scjg'));
    expect(forbidden.status).toBe(403);
    const started = await http<Campaign>(
      'POST',
      api('/acceptance-campaigns'),
      { year: YEAR, participants: UNITS },
      AS_STAFF,
    );
    expect(started.status).toBe(201);
    const campaign = started.body;
    const id = campaign.id;
    expect(campaign.calendar).toMatchObject({
      planDueAt: '2027-04-30T16:00:00.000Z',
      selfCheckStartsAt: '2027-08-09T16:00:00.000Z',
      selfCheckEndsAt: '2027-08-15T16:00:00.000Z',
      acceptanceStartsAt: '2027-08-15T16:00:00.000Z',
      acceptanceEndsAt: '2027-08-25T16:00:00.000Z',
      summaryStartsAt: '2027-08-25T16:00:00.000Z',
      summaryEndsAt: '2027-09-15T16:00:00.000Z',
    });
    expect(
      campaign.participants
        .filter((p) => p.demonstration)
        .map((p) => p.code)
        .sort(),
    ).toEqual(['scjg', 'xgz']);
    const again = await http<ErrorBody>('POST', api('/acceptance-campaigns'), { year: YEAR }, AS_STAFF);
    expect(again.status).toBe(409);

    // One process; the multi-instance sub-process gives every unit its work-plan step.
    for (const unit of UNITS) await step(id, USER_TASK.submitWorkPlan, unit);
    const instances = await system.engine.findProcessInstances({
      businessKey: id,
      processDefinitionKey: PROCESS.acceptanceCampaign,
    });
    expect(instances).toHaveLength(1);

    // A unit outside the campaign does not see it; early submissions are refused with the window's dates.
    expect((await http('GET', unitApi(id), undefined, asAgency('jtj'))).status).toBe(404);
    const early = await http<ErrorBody>(
      'POST',
      unitApi(id, '/self-check'),
      selfCheck('scjg', '00000000-0000-4000-8000-000000000000'),
      asAgency('scjg'),
    );
    expect(early.status).toBe(422);
    expect(early.body.message.zh).toContain('2027年8月10日至2027年8月15日');
    expect(early.body.message.zh).toContain('尚未开始');
    const earlyInspection = await http<ErrorBody>(
      'POST',
      api(`/acceptance-campaigns/${id}/units/scjg/inspection`),
      inspection('scjg', 1, 'accept'),
      AS_STAFF,
    );
    expect(earlyInspection.status).toBe(422);
    expect(earlyInspection.body.message.zh).toContain('2027年8月16日至2027年8月25日');

    // Work plans with their documents, from three units; fgj is late.
    const evidence: Record<string, string> = {};
    for (const unit of UNITS) evidence[unit] = await upload(id, unit, '1.1');
    const foreign = await http<ErrorBody>(
      'POST',
      unitApi(id, '/work-plan'),
      { title: '工作方案', summary: '……', documentIds: [evidence.xgz] },
      asAgency('scjg'),
    );
    expect(foreign.status).toBe(422);
    for (const unit of ['scjg', 'xgz', 'fcz']) {
      const plan = await http(
        'POST',
        unitApi(id, '/work-plan'),
        {
          title: `${unit}先行区创建工作方案`,
          summary: '成立工作专班，明确任务分工和时间节点。',
          documentIds: [evidence[unit]],
        },
        asAgency(unit),
      );
      expect(plan.status).toBe(202);
    }
    const twice = await http(
      'POST',
      unitApi(id, '/work-plan'),
      {
        title: '重复报送',
        summary: '……',
        documentIds: [evidence.scjg],
      },
      asAgency('scjg'),
    );
    expect(twice.status).toBe(409);

    // Progress of the creation period needs evidence.
    const bare = await http<ErrorBody>(
      'POST',
      unitApi(id, '/progress'),
      { note: '开展培训', evidenceIds: [] },
      asAgency('scjg'),
    );
    expect(bare.status).toBe(422);
    const training = await upload(id, 'scjg', '2.2');
    const progress = await http(
      'POST',
      unitApi(id, '/progress'),
      {
        note: '组织全体执法人员集中培训5个工作日',
        itemCodes: ['2.2'],
        evidenceIds: [training],
      },
      asAgency('scjg'),
    );
    expect(progress.status).toBe(201);
    await until(id, 'three plans recorded', ['scjg', 'xgz', 'fcz'], (u) => u.stage === 'creation');

    // 4/30 passes: fgj is escalated, shown late, and liaison sees its overdue submission.
    try {
      await clock.advancePast(campaign.calendar.planDueAt);
      const late = await until(id, 'fgj and jyj escalated', ['fgj', 'jyj'], (u) => u.late);
      expect(late.units.find((u) => u.code === 'fgj')?.lateWindows.map((w) => w.window)).toEqual([
        'work-plan',
      ]);
      expect(late.units.filter((u) => u.late).map((u) => u.code)).toEqual(['fgj', 'jyj']);
      const overdue = await eventually(async () =>
        (await transfers(TRANSFER_KIND.acceptanceSubmission)).find(
          (t) => t.sourceRef === `${id}:fgj:work-plan`,
        ),
      );
      expect(overdue).toMatchObject({
        sender: 'fgj',
        receiver: 'sfj',
        status: 'overdue',
        overdue: true,
        closedAt: null,
      });

      // fgj submits late: taken, still shown late, and its transfer closes.
      const latePlan = await http(
        'POST',
        unitApi(id, '/work-plan'),
        {
          title: 'fgj工作方案',
          summary: '补报。',
          documentIds: [evidence.fgj],
        },
        asAgency('fgj'),
      );
      expect(latePlan.status).toBe(202);
      const fgj = await until(id, 'fgj plan recorded', ['fgj'], (u) => u.stage === 'creation');
      expect(fgj.units.find((u) => u.code === 'fgj')?.late).toBe(true);
      await eventually(async () =>
        (await transfers(TRANSFER_KIND.acceptanceSubmission)).find(
          (t) =>
            t.sourceRef === `${id}:fgj:work-plan` && t.closedAt !== null && t.status === 'submitted-late',
        ),
      );

      // The self-check window opens (8/10).
      await clock.advancePast(campaign.calendar.selfCheckStartsAt);
      await until(id, 'self-check open', UNITS, (u) => u.stage === 'self-check');
      // jyj never sent its plan: the window closed on it (a second notice), and it goes on to the self-check.
      const noPlan = await http<ErrorBody>(
        'POST',
        unitApi(id, '/work-plan'),
        { title: '工作方案', summary: '……', documentIds: [evidence.jyj] },
        asAgency('jyj'),
      );
      expect(noPlan.status).toBe(422);
      expect(noPlan.body.message.zh).toContain('工作方案应于2027年4月30日前报送；自查已于2027年8月10日开始');
      await eventually(async () =>
        (await transfers(TRANSFER_KIND.acceptanceSubmission)).find(
          (t) =>
            t.sourceRef === `${id}:jyj:work-plan` &&
            t.status === 'not-submitted' &&
            t.closedAt !== null &&
            t.overdueSince !== null,
        ),
      );
      for (const unit of UNITS) await step(id, USER_TASK.unitSelfCheck, unit);
      const incomplete = await http<ErrorBody>(
        'POST',
        unitApi(id, '/self-check'),
        selfCheck('fcz', evidence.fcz, ['2.1', '3.3']),
        asAgency('fcz'),
      );
      expect(incomplete.status).toBe(422);
      expect(incomplete.body.message.zh).toContain('缺少佐证材料');
      expect(incomplete.body.message.zh).toContain('2.1 执法人员资格管理');
      expect(incomplete.body.message.zh).toContain('3.3 镇（区）赋权目录清单');
      for (const unit of ['scjg', 'xgz', 'fgj', 'jyj']) {
        const submitted = await http(
          'POST',
          unitApi(id, '/self-check'),
          selfCheck(unit, evidence[unit]),
          asAgency(unit),
        );
        expect(submitted.status).toBe(202);
      }
      const checked = await until(
        id,
        'self-checks recorded',
        ['scjg', 'xgz', 'fgj', 'jyj'],
        (u) => u.stage === 'awaiting-acceptance',
      );
      expect(checked.units.find((u) => u.code === 'scjg')?.selfScore).toBe(87.6); // 81.5 of 93
      expect(checked.units.find((u) => u.code === 'xgz')?.selfScore).toBe(87.5); // 87.5 of 100

      // 8/15 passes: fcz missed the self-check; it goes on to the acceptance without one, late. The
      // acceptance opens at the same instant, so fcz may already stand at the inspection when we look.
      await clock.advancePast(campaign.calendar.selfCheckEndsAt);
      const missed = await until(
        id,
        'fcz escalated',
        ['fcz'],
        (u) => ['awaiting-acceptance', 'inspection'].includes(u.stage) && u.late,
      );
      expect(missed.units.find((u) => u.code === 'fcz')?.lateWindows.map((w) => w.window)).toEqual([
        'self-check',
      ]);
      const closedWindow = await http<ErrorBody>(
        'POST',
        unitApi(id, '/self-check'),
        selfCheck('fcz', evidence.fcz),
        asAgency('fcz'),
      );
      expect(closedWindow.status).toBe(422);
      expect(closedWindow.body.message.zh).toContain('已经结束');
      expect(closedWindow.body.message.zh).toContain('2027年8月10日至2027年8月15日');

      // The acceptance window opens (8/16): the team inspects every unit.
      await clock.advancePast(campaign.calendar.acceptanceStartsAt);
      await until(id, 'acceptance open', UNITS, (u) => u.stage === 'inspection');
      for (const unit of UNITS) await step(id, USER_TASK.inspectUnit, unit);
      const inspect = (unit: string, body: unknown) =>
        http<ErrorBody>('POST', api(`/acceptance-campaigns/${id}/units/${unit}/inspection`), body, AS_STAFF);
      const belowPass = await inspect('xgz', inspection('xgz', 0.7, 'accept'));
      expect(belowPass.status).toBe(422);
      expect(belowPass.body.message.zh).toContain('低于合格线80分');
      expect((await inspect('xgz', inspection('xgz', 0.7, 'fail'))).status).toBe(422);
      expect((await inspect('xgz', inspection('xgz', 0.7, 'rectify'))).status).toBe(400); // no requirements
      const requirements = { rectificationRequirements: '补齐培训记录' };
      const noSuchDay = inspection('xgz', 0.7, 'rectify', {
        ...requirements,
        rectificationDueDate: '2027-02-30',
      });
      expect((await inspect('xgz', noSuchDay)).status).toBe(400);
      const tooLate = await inspect(
        'xgz',
        inspection('xgz', 0.7, 'rectify', { ...requirements, rectificationDueDate: '2027-12-01' }),
      );
      expect(tooLate.status).toBe(422);
      expect(tooLate.body.message.zh).toContain('2027年9月15日');
      expect((await inspect('scjg', inspection('scjg', 1, 'accept'))).status).toBe(202);
      expect((await inspect('fgj', inspection('fgj', 0.9, 'accept'))).status).toBe(202);
      expect((await inspect('fcz', inspection('fcz', 0.9, 'accept'))).status).toBe(202);
      const rectify = await inspect(
        'xgz',
        inspection('xgz', 0.7, 'rectify', {
          rectificationRequirements: '补齐执法人员培训记录，公布赋权目录清单。',
        }),
      );
      expect(rectify.status).toBe(202);
      const decided = await until(
        id,
        'inspections recorded',
        UNITS.filter((u) => u !== 'jyj'),
        (u) => u.stage === 'accepted' || u.stage === 'rectification',
      );
      const xgz = decided.units.find((u) => u.code === 'xgz') as BoardRow;
      expect(xgz).toMatchObject({ stage: 'rectification', rectificationRounds: 1, inspectionScore: 64 });
      // 15 days from the end of the acceptance window (8/25): 9/9, a Thursday.
      expect(xgz.rectificationDueAt).toBe('2027-09-09T16:00:00.000Z');
      const order = await eventually(async () =>
        (await transfers(TRANSFER_KIND.acceptanceRectification)).find((t) => t.sourceRef === `${id}:xgz:1`),
      );
      expect(order).toMatchObject({
        sender: 'sfj',
        receiver: 'xgz',
        status: 'ordered',
        dueAt: '2027-09-09T16:00:00.000Z',
      });
      expect((await inspect('scjg', inspection('scjg', 1, 'accept'))).status).toBe(409);

      // The summary waits for every unit.
      const tooSoon = await http<ErrorBody>(
        'POST',
        api(`/acceptance-campaigns/${id}/summary`),
        { summary: '……' },
        AS_STAFF,
      );
      expect(tooSoon.status).toBe(422);
      expect(tooSoon.body.message.zh).toContain('尚有2个单位未作出验收结论');

      // 8/25 passes and the team never got to jyj: the office is told, jyj shows it; the late inspection
      // is still taken.
      await clock.advancePast(campaign.calendar.acceptanceEndsAt);
      const uninspected = await until(id, 'jyj inspection overdue', ['jyj'], (u) =>
        u.lateWindows.some((w) => w.window === 'inspection'),
      );
      expect(uninspected.units.find((u) => u.code === 'jyj')?.stage).toBe('inspection');
      expect((await inspect('jyj', inspection('jyj', 0.9, 'accept'))).status).toBe(202);

      // xgz lets the rectification deadline pass: escalated, and the order is overdue in liaison's register.
      await clock.advancePast(xgz.rectificationDueAt as string);
      const overdueOrder = await until(id, 'xgz rectification overdue', ['xgz'], (u) =>
        u.lateWindows.some((w) => w.window === 'rectification'),
      );
      expect(overdueOrder.units.find((u) => u.code === 'xgz')?.stage).toBe('rectification');
      await eventually(async () =>
        (await transfers(TRANSFER_KIND.acceptanceRectification)).find(
          (t) => t.sourceRef === `${id}:xgz:1` && t.overdue && t.status === 'overdue',
        ),
      );

      // It reports with evidence, late; the re-inspection still finds it short and orders a second round.
      const noEvidence = await http(
        'POST',
        unitApi(id, '/rectification'),
        { report: '已整改', evidenceIds: [] },
        asAgency('xgz'),
      );
      expect(noEvidence.status).toBe(422);
      const proof = await upload(id, 'xgz', '3.3');
      await step(id, USER_TASK.rectifyUnit, 'xgz');
      const report = await http(
        'POST',
        unitApi(id, '/rectification'),
        {
          report: '已补齐培训记录，赋权目录清单已在政府网站公布。',
          evidenceIds: [proof],
        },
        asAgency('xgz'),
      );
      expect(report.status).toBe(202);
      await until(id, 'xgz awaiting re-inspection', ['xgz'], (u) => u.stage === 're-inspection');
      await step(id, USER_TASK.reinspectUnit, 'xgz');
      const secondRound = await inspect(
        'xgz',
        inspection('xgz', 0.75, 'rectify', {
          rectificationRequirements: '培训记录仍缺2名辅助人员，限期补齐。',
          rectificationDueDate: '2027-09-14',
        }),
      );
      expect(secondRound.status).toBe(202);
      const again = await until(
        id,
        'xgz in its second rectification round',
        ['xgz'],
        (u) => u.stage === 'rectification' && u.rectificationRounds === 2,
      );
      expect(again.units.find((u) => u.code === 'xgz')?.rectificationDueAt).toBe('2027-09-14T16:00:00.000Z');
      await eventually(async () =>
        (await transfers(TRANSFER_KIND.acceptanceRectification)).find(
          (t) =>
            t.sourceRef === `${id}:xgz:2` && t.status === 'ordered' && t.dueAt === '2027-09-14T16:00:00.000Z',
        ),
      );
      // The second report arrives in time; the team re-inspects and accepts.
      const proof2 = await upload(id, 'xgz', '2.1');
      await step(id, USER_TASK.rectifyUnit, 'xgz');
      const report2 = await http(
        'POST',
        unitApi(id, '/rectification'),
        { report: '2名辅助人员培训记录已补齐。', evidenceIds: [proof2] },
        asAgency('xgz'),
      );
      expect(report2.status).toBe(202);
      await until(id, 'xgz awaiting the second re-inspection', ['xgz'], (u) => u.stage === 're-inspection');
      await step(id, USER_TASK.reinspectUnit, 'xgz');
      expect((await inspect('xgz', inspection('xgz', 0.95, 'accept'))).status).toBe(202);
      const done = await until(id, 'every unit accepted', UNITS, (u) => u.result === 'accepted');
      expect(done.units.find((u) => u.code === 'xgz')?.inspectionScore).toBe(87.5);
      expect(done.totals).toMatchObject({ units: 5, late: 4, accepted: 5 });
      const orders = await transfers(TRANSFER_KIND.acceptanceRectification);
      for (const round of [1, 2]) {
        expect(orders.find((t) => t.sourceRef === `${id}:xgz:${round}`)?.closedAt).not.toBeNull();
      }

      // The board filters, and each unit's file: the office sees xgz's three inspections and both reports.
      const lateOnes = await board(id, '?late=true');
      expect(lateOnes.units.map((u) => u.code)).toEqual(['xgz', 'fgj', 'jyj', 'fcz']);
      const file = await http<{
        inspections: { round: number; decision: string; score: number }[];
        rectifications: { round: number; late: boolean }[];
        notices: { window: string; level: string }[];
        evidence: { id: string }[];
      }>('GET', api(`/acceptance-campaigns/${id}/units/xgz`), undefined, AS_STAFF);
      expect(file.status).toBe(200);
      expect(file.body.inspections.map((i) => [i.round, i.decision])).toEqual([
        [0, 'rectify'],
        [1, 'rectify'],
        [2, 'accept'],
      ]);
      expect(file.body.inspections.map((i) => i.score)[0]).toBe(64);
      expect(file.body.inspections.map((i) => i.score)[1]).toBeLessThan(80);
      expect(file.body.inspections.map((i) => i.score)[2]).toBe(87.5);
      expect(file.body.rectifications).toMatchObject([
        { round: 1, late: true },
        { round: 2, late: false },
      ]);
      expect(file.body.notices).toMatchObject([{ window: 'rectification', level: 'overdue' }]);
      const download = await fetch(api(`/acceptance-campaigns/${id}/units/xgz/evidence/${proof}`), {
        headers: authenticate(AS_STAFF),
      });
      expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
      const own = await http<{ workPlan: unknown; notices: { level: string }[] }>(
        'GET',
        unitApi(id),
        undefined,
        asAgency('jyj'),
      );
      expect(own.body.workPlan).toBeNull();
      expect(own.body.notices.map((n) => n.level)).toEqual(['overdue', 'missed', 'overdue']);
      expect(
        (await http('GET', api(`/acceptance-campaigns/${id}/units/xgz`), undefined, asAgency('xgz'))).status,
      ).toBe(403);

      // Every unit decided and the summary window open (9/9 is past 8/26): the office summarises.
      await eventually(
        async () =>
          (await http<Campaign>('GET', api(`/acceptance-campaigns/${id}`), undefined, AS_STAFF)).body
            .status === 'summary',
        { what: 'the summary to open', timeoutMs: 45000 },
      );
      // 9/15 passes without the summary: the office itself is reminded, and the campaign shows it.
      await clock.advancePast(campaign.calendar.summaryEndsAt);
      await eventually(
        async () =>
          (
            await http<{ summaryLate: boolean }>(
              'GET',
              api(`/acceptance-campaigns/${id}`),
              undefined,
              AS_STAFF,
            )
          ).body.summaryLate,
        { what: 'the summary to be overdue' },
      );
      const summary = await http(
        'POST',
        api(`/acceptance-campaigns/${id}/summary`),
        {
          summary: '全县5个参加单位均通过验收，其中1个单位经整改后通过。',
          reportNumber: '阳司发〔2027〕12号',
        },
        AS_STAFF,
      );
      expect(summary.status).toBe(202);
      await eventually(
        async () =>
          (await http<Campaign>('GET', api(`/acceptance-campaigns/${id}`), undefined, AS_STAFF)).body
            .status === 'closed',
        { what: 'the campaign to close', timeoutMs: 45000 },
      );
    } finally {
      await clock.reset();
    }
    expect(
      (await http('POST', api(`/acceptance-campaigns/${id}/summary`), { summary: '再次' }, AS_STAFF)).status,
    ).toBe(409);
    const history = await eventually(async () => {
      const [instance] = await system.engine.historicProcessInstances({
        businessKey: id,
        processDefinitionKey: PROCESS.acceptanceCampaign,
      });
      return instance?.state === 'COMPLETED' && instance;
    });
    expect(history.state).toBe('COMPLETED');

    // The results are the year's assessment input: credit only where accepted at once and on time.
    const inputs = await http<{
      items: { unitCode: string; result: string; outcome: string; score: number }[];
    }>('GET', api(`/assessment-inputs?year=${YEAR}`), undefined, AS_STAFF);
    expect(inputs.status).toBe(200);
    expect(inputs.body.items.map((i) => [i.unitCode, i.result, i.outcome, i.score])).toEqual([
      ['fcz', 'accepted', 'none', 85.5],
      ['fgj', 'accepted', 'none', 85.5],
      ['jyj', 'accepted', 'none', 85.5],
      ['scjg', 'accepted', 'credit', 100],
      ['xgz', 'accepted', 'none', 87.5],
    ]);
    expect((await http('GET', api('/assessment-inputs?year=abc'), undefined, AS_STAFF)).status).toBe(400);

    // The ledger (Excel) reads back with a row per unit and a line per scored item.
    const ledger = await fetch(api(`/acceptance-campaigns/${id}/ledger`), {
      headers: authenticate(AS_STAFF),
    });
    expect(ledger.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await ledger.arrayBuffer()) as unknown as ArrayBuffer);
    const units = workbook.getWorksheet('单位总表');
    const names: string[] = [];
    units?.eachRow((row, n) => {
      if (n > 2)
        names.push(
          `${String(row.getCell(1).value)}:${String(row.getCell(8).value)}:${String(row.getCell(7).value)}`,
        );
    });
    expect(names).toEqual([
      '县市场监督管理局:通过:0',
      '兴国镇:通过:2',
      '县发改局:通过:0',
      '县教育局:通过:0',
      '富池镇:通过:0',
    ]);
    expect(workbook.getWorksheet('评分明细')?.rowCount).toBe(2 + 3 * 23 + 2 * 25);
    expect(workbook.getWorksheet('督办记录')?.rowCount).toBe(2 + 7);

    // The report to the provincial office (PDF, CJK font) says who took part, what happened and the results.
    const pdf = await fetch(api(`/acceptance-campaigns/${id}/report`), { headers: authenticate(AS_STAFF) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, '');
    for (const expected of [
      '省优化办',
      '先行区创建工作情况的报告',
      '阳司发〔2027〕12号',
      '共有5个单位参加',
      '示范单位为县市场监督管理局、兴国镇',
      '验收通过5个单位（其中经整改后复查通过1个）',
      '兴国镇（整改2轮，通过）',
      '县发改局（工作方案报送）',
      '县教育局（工作方案报送、验收检查）',
      '富池镇（自查）',
      '全县5个参加单位均通过验收',
      '县市场监督管理局：加分或优先推荐',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
