import { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { JOB, PROCESS, SERVICE, TOPIC } from '@oversight/contracts';
import {
  complaintFixture,
  EngineClock,
  eventually,
  http,
  RunningService,
  startServiceForTest,
} from '@oversight/testing';
import { EngineClient, JobWorkerService, LockedJob } from '@oversight/workflow';
import { AppModule } from '../app.module';
import { buildDataSourceOptions } from '../justice-bureau.datasource';

/**
 * justice-bureau with its job workers switched off, so the test itself takes the jobs from the engine
 * and can deliver one twice, as the engine does after a lock expires or a completion is lost.
 */
describe('justice-bureau jobs, delivered twice', () => {
  let jb: RunningService;
  let engine: EngineClient;
  let db: DataSource;
  let workers: JobWorkerService;

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

  afterAll(async () => {
    await jb?.close();
  });

  /** Locks the job of one complaint's process, as a worker would (other complaints' jobs are released). */
  async function lockJobOf(type: string, businessKey: string): Promise<LockedJob> {
    const [instance] = await engine.findProcessInstances({ businessKey });
    return eventually(
      async () => {
        const jobs = await engine.fetchAndLock({
          workerId: workers.workerId, // as this instance's own worker would
          maxTasks: 50,
          topics: [{ topicName: type, lockDuration: 60000 }],
        });
        const mine = jobs.find((j) => j.businessKey === businessKey);
        if (mine) return mine;
        // Say what the engine holds (locked by whom, until when), so a failure explains itself.
        const held = await engine.jobs({ processInstanceId: instance?.id, topicName: type });
        throw new Error(`engine has ${JSON.stringify(held)}`);
      },
      { what: `a ${type} job for ${businessKey}` },
    );
  }

  it('records an acceptance decision once when its job arrives twice', async () => {
    const { body: receipt } = await http<{ id: string }>(
      'POST',
      `${jb.url}/api/public/complaints`,
      complaintFixture({ anonymous: true, complainant: undefined }),
    );
    const task = await eventually(
      async () => (await engine.listTasks({ processInstanceBusinessKey: receipt.id }))[0],
    );
    await engine.completeTask(task.id, { decision: 'forward', reason: '属于信访事项，转送县信访局' });

    const job = await lockJobOf(JOB.recordAcceptanceDecision, receipt.id);
    const first = await workers.run(job);
    const second = await workers.run(job); // the same job again: a redelivery after a lost completion

    expect(first).toEqual({ kind: 'complete', variables: { acceptanceStatus: 'forwarded' } });
    expect(second).toEqual(first);
    const events = await db.query(
      `SELECT count(*)::int AS n FROM justice_bureau.outbox_message WHERE topic = $1 AND message_key = $2`,
      [TOPIC.complaintAcceptanceDecided, receipt.id],
    );
    expect(events[0].n).toBe(1);
    const [complaint] = await db.query(
      `SELECT status, decision_reason FROM justice_bureau.complaint WHERE id = $1`,
      [receipt.id],
    );
    expect(complaint).toEqual({ status: 'forwarded', decision_reason: '属于信访事项，转送县信访局' });
    await eventually(
      async () =>
        (
          await engine.findProcessInstances({
            businessKey: receipt.id,
            processDefinitionKey: PROCESS.complaintHandling,
          })
        ).length === 0,
      {
        what: 'the process to end',
      },
    );
  });

  it('ends the process through its error path when the complaint is missing', async () => {
    const { body: receipt } = await http<{ id: string }>(
      'POST',
      `${jb.url}/api/public/complaints`,
      complaintFixture(),
    );
    const task = await eventually(
      async () => (await engine.listTasks({ processInstanceBusinessKey: receipt.id }))[0],
    );
    const [{ id: instanceId }] = await engine.findProcessInstances({ businessKey: receipt.id });
    await engine.completeTask(task.id, { decision: 'accept' });
    const job = await lockJobOf(JOB.recordAcceptanceDecision, receipt.id);
    // Pretend the record vanished: the worker must answer with the modelled BPMN error, not a retry loop.
    const outcome = await workers.run({ ...job, businessKey: '00000000-0000-4000-8000-000000000000' });
    expect(outcome).toMatchObject({ kind: 'bpmn-error', code: 'COMPLAINT_NOT_FOUND' });
    const history = await eventually(async () => {
      const h = await engine.historicProcessInstance(instanceId);
      return h.state === 'COMPLETED' && h;
    });
    expect(history.endTime).not.toBeNull();
  });

  it('raises one overdue notice when its job arrives twice', async () => {
    const clock = new EngineClock(process.env.ENGINE_URL!);
    const { body: receipt } = await http<{ id: string; acceptanceDueAt: string }>(
      'POST',
      `${jb.url}/api/public/complaints`,
      complaintFixture(),
    );
    await eventually(async () => (await engine.listTasks({ processInstanceBusinessKey: receipt.id }))[0]);
    let job: LockedJob;
    try {
      await clock.advancePast(receipt.acceptanceDueAt);
      job = await lockJobOf(JOB.raiseSupervisionNotice, receipt.id);
    } finally {
      await clock.reset();
    }
    const first = await workers.run(job);
    const second = await workers.run(job);
    expect(first).toEqual({ kind: 'complete', variables: {} });
    expect(second).toEqual(first);
    const events = await db.query(
      `SELECT count(*)::int AS n FROM justice_bureau.outbox_message WHERE topic = $1 AND message_key = $2`,
      [TOPIC.complaintSupervisionNotice, receipt.id],
    );
    expect(events[0].n).toBe(1);
    const [complaint] = await db.query(`SELECT overdue_at FROM justice_bureau.complaint WHERE id = $1`, [
      receipt.id,
    ]);
    expect(complaint.overdue_at).not.toBeNull();
  });
});
