import { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import {
  AcceptanceCampaignStartedV1,
  EventEnvelope,
  JOB,
  PROCESS,
  SERVICE,
  TOPIC,
  TRANSFER_KIND,
  USER_TASK,
} from '@oversight/contracts';
import {
  AS_STAFF,
  asAgency,
  EngineClock,
  eventually,
  http,
  RunningService,
  startServiceForTest,
  authenticate,
} from '@oversight/testing';
import { EngineClient, JobWorkerService, LockedJob } from '@oversight/workflow';
import { AppModule } from '../app.module';
import { buildDataSourceOptions } from '../justice-bureau.datasource';
import { ORGANISATIONS } from '../organisation/organisation.seed';
import { AcceptanceCampaignStartedConsumer } from './acceptance-campaign-started.consumer';

type ErrorBody = { message: { zh: string; en: string }; fields?: { field: string; zh: string }[] };
interface Campaign {
  id: string;
  status: string;
  calendar: Record<string, string>;
  participants: { code: string; kind: string; demonstration: boolean }[];
}

/**
 * justice-bureau with its job workers off: the test takes the campaign's jobs from the engine itself and
 * delivers them twice, as the engine does after a lock expires; and the office's start is checked for
 * every way it can be wrong.
 */
describe('acceptance campaign: start, and jobs delivered twice', () => {
  let jb: RunningService;
  let engine: EngineClient;
  let db: DataSource;
  let workers: JobWorkerService;
  const clock = new EngineClock(process.env.ENGINE_URL!);

  beforeAll(async () => {
    const config = loadConfig(ServiceConfig, {
      ...process.env,
      BPMN_DIR: `${__dirname}/../../../../bpmn`,
      ENGINE_WORKERS: 'false',
    });
    jb = await startServiceForTest({
      service: SERVICE.justiceBureau,
      module: AppModule.forRoot(config),
      dataSource: buildDataSourceOptions(config.databaseUrl),
    });
    engine = jb.app.get(EngineClient);
    db = jb.app.get(DataSource);
    workers = jb.app.get(JobWorkerService);
  });

  afterEach(async () => {
    await clock.reset();
  });

  afterAll(async () => {
    await jb?.close();
  });

  const start = (body: Record<string, unknown>, headers = AS_STAFF) =>
    http<ErrorBody & Campaign>('POST', `${jb.url}/api/acceptance-campaigns`, body, headers);

  async function lockJobOf(type: string, businessKey: string, unitCode: string): Promise<LockedJob> {
    return eventually(
      async () => {
        const jobs = await engine.fetchAndLock({
          workerId: workers.workerId,
          maxTasks: 100,
          topics: [{ topicName: type, lockDuration: 600000 }],
        });
        return jobs.find((j) => j.businessKey === businessKey && j.variables.unitCode?.value === unitCode);
      },
      { what: `a ${type} job for ${unitCode}` },
    );
  }

  const count = async (sql: string, params: unknown[]) =>
    ((await db.query(sql, params)) as { n: number }[])[0].n;

  it('rejects a campaign with impossible or disordered dates, wrong participants, or from outside the office', async () => {
    expect((await start({ year: 2030 }, asAgency('scjg'))).status).toBe(403);

    const badDay = await start({ year: 2030, selfCheckEndDate: '2030-02-30' });
    expect(badDay.status).toBe(400);
    expect(badDay.body.fields?.[0]).toMatchObject({
      field: 'selfCheckEndDate',
      zh: '自查结束：不是有效的日期',
    });

    const disordered = await start({ year: 2030, acceptanceStartDate: '2030-08-12' });
    expect(disordered.status).toBe(422);
    expect(disordered.body.message.zh).toContain('自查结束（2030-08-15）应早于验收开始（2030-08-12）');

    const past = await start({ year: 2025 });
    expect(past.status).toBe(422);
    expect(past.body.message.zh).toContain('工作方案报送截止日（2025年4月30日）已过');

    const unknown = await start({ year: 2030, participants: ['scjg', 'nosuch'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message.zh).toContain('nosuch');

    const body = await start({ year: 2030, participants: ['scjg', 'jw'] });
    expect(body.status).toBe(422);
    expect(body.body.message.zh).toContain('县纪委监委');

    expect((await start({ year: 2030, participants: ['scjg', 'scjg'] })).status).toBe(422);
    expect((await start({ year: 2030, participants: [] })).status).toBe(422);
    expect((await start({ year: 2030, passScore: 120 })).status).toBe(400);
    expect((await start({ year: 2030, unknownField: 1 })).status).toBe(400);
    expect(
      await count(`SELECT count(*)::int AS n FROM justice_bureau.acceptance_campaign WHERE year = 2030`, []),
    ).toBe(0);
  });

  it('takes every county department and town by default and starts one process when its event arrives twice', async () => {
    const started = await start({ year: 2028 });
    expect(started.status).toBe(201);
    const campaign = started.body;
    const expected = ORGANISATIONS.filter((o) => o.kind === 'agency' || o.kind === 'town');
    expect(campaign.participants.map((p) => p.code).sort()).toEqual(expected.map((o) => o.code).sort());
    expect(
      campaign.participants
        .filter((p) => p.demonstration)
        .map((p) => p.code)
        .sort(),
    ).toEqual(['scjg', 'xgz']);

    // The Kafka consumer started the process; deliver the same event again.
    const first = await eventually(async () => {
      const [row] = (await db.query(
        `SELECT process_instance_id FROM justice_bureau.acceptance_campaign WHERE id = $1`,
        [campaign.id],
      )) as { process_instance_id: string | null }[];
      return row.process_instance_id ?? undefined;
    });
    const [{ envelope }] = (await db.query(
      `SELECT envelope FROM justice_bureau.outbox_message WHERE topic = $1 AND message_key = $2`,
      [TOPIC.acceptanceCampaignStarted, campaign.id],
    )) as { envelope: EventEnvelope<AcceptanceCampaignStartedV1> }[];
    const consumer = jb.app.get(AcceptanceCampaignStartedConsumer);
    await db.transaction((manager) => consumer.handle(envelope, manager));
    await db.query(`UPDATE justice_bureau.acceptance_campaign SET process_instance_id = NULL WHERE id = $1`, [
      campaign.id,
    ]);
    // Even with our record of it lost, the instance is found by its business key, not started again.
    await db.transaction((manager) => consumer.handle(envelope, manager));
    const instances = await engine.findProcessInstances({
      businessKey: campaign.id,
      processDefinitionKey: PROCESS.acceptanceCampaign,
    });
    expect(instances.map((i) => i.id)).toEqual([first]);
    const [row] = (await db.query(
      `SELECT process_instance_id FROM justice_bureau.acceptance_campaign WHERE id = $1`,
      [campaign.id],
    )) as { process_instance_id: string }[];
    expect(row.process_instance_id).toBe(first);
    const tasks = await engine.countTasks({
      processInstanceBusinessKey: campaign.id,
      taskDefinitionKey: USER_TASK.submitWorkPlan,
    });
    expect(tasks.count).toBe(expected.length);
  });

  it('records a work plan once and raises one overdue notice per unit when their jobs arrive twice', async () => {
    const started = await start({ year: 2029, participants: ['scjg', 'fgj'] });
    expect(started.status).toBe(201);
    const id = started.body.id;
    await eventually(
      async () =>
        (
          await engine.countTasks({
            processInstanceBusinessKey: id,
            taskDefinitionKey: USER_TASK.submitWorkPlan,
          })
        ).count === 2,
    );

    // scjg submits its plan; the recording job arrives twice and moves the unit once.
    const form = new FormData();
    form.append(
      'files',
      new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n'))], { type: 'application/pdf' }),
      'plan.pdf',
    );
    const uploaded = await fetch(`${jb.url}/api/agency/acceptance-campaigns/${id}/evidence`, {
      method: 'POST',
      body: form,
      headers: authenticate(asAgency('scjg')),
    });
    const [document] = (await uploaded.json()) as { id: string }[];
    const plan = await http(
      'POST',
      `${jb.url}/api/agency/acceptance-campaigns/${id}/work-plan`,
      { title: '工作方案', summary: '……', documentIds: [document.id] },
      asAgency('scjg'),
    );
    expect(plan.status).toBe(202);
    const planJob = await lockJobOf(JOB.recordWorkPlan, id, 'scjg');
    const recorded = await workers.run(planJob);
    expect(await workers.run(planJob)).toEqual(recorded);
    expect(recorded).toEqual({ kind: 'complete', variables: {} });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM justice_bureau.outbox_message
          WHERE topic = $1 AND message_key = $2 AND envelope->'data'->>'unitCode' = 'scjg'`,
        [TOPIC.acceptanceUnitStageChanged, id],
      ),
    ).toBe(1);

    // 4/30 passes with fgj's plan missing: its notice job, delivered twice, raises one notice.
    let job: LockedJob;
    try {
      await clock.advancePast(started.body.calendar.planDueAt);
      job = await lockJobOf(JOB.raiseAcceptanceNotice, id, 'fgj');
    } finally {
      await clock.reset();
    }
    const first = await workers.run(job);
    expect(await workers.run(job)).toEqual(first);
    expect(first).toEqual({ kind: 'complete', variables: {} });
    const notices = (await db.query(
      `SELECT unit_code, "window", level, to_org FROM justice_bureau.acceptance_notice WHERE campaign_id = $1`,
      [id],
    )) as Record<string, string>[];
    expect(notices).toEqual([{ unit_code: 'fgj', window: 'work-plan', level: 'overdue', to_org: 'fgj' }]);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM justice_bureau.outbox_message WHERE topic = $1 AND message_key = $2`,
        [TOPIC.transferChanged, `${TRANSFER_KIND.acceptanceSubmission}:${id}:fgj:work-plan`],
      ),
    ).toBe(1);
    const [unit] = (await db.query(
      `SELECT late_windows FROM justice_bureau.acceptance_unit WHERE campaign_id = $1 AND unit_code = 'fgj'`,
      [id],
    )) as { late_windows: string[] }[];
    expect(unit.late_windows).toEqual(['work-plan']);
  });
});
