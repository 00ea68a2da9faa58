import {
  AS_STAFF,
  complaintFixture,
  eventually,
  http,
  killComponent,
  startComponent,
} from '@oversight/testing';
import { startSystem, System } from './system';

/** The engine goes away: users get a clear 503 at once, nothing is lost, and all resumes after restart. */
describe('an engine outage', () => {
  let system: System;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await startComponent('engine'); // never leave the run without the engine
    await system?.stop();
  });

  it('answers 503 in both languages without hanging, keeps intake open, and catches up after a restart', async () => {
    const before = await http<{ id: string }>('POST', `${system.api}/public/complaints`, complaintFixture());
    await eventually(
      async () => (await system.engine.listTasks({ processInstanceBusinessKey: before.body.id }))[0],
    );

    await killComponent('engine');
    const started = Date.now();
    const { status, body } = await http<{ error: string; message: { zh: string; en: string } }>(
      'GET',
      `${system.api}/tasks?candidateGroup=sfj`,
      undefined,
      AS_STAFF,
    );
    expect(status).toBe(503);
    expect(body.error).toBe('WORKFLOW_ENGINE_UNAVAILABLE');
    expect(body.message.zh).toContain('流程引擎暂时不可用');
    expect(Date.now() - started).toBeLessThan(5000);

    // Intake does not need the engine: the complaint is stored and its process starts once it is back.
    const during = await http<{ id: string }>(
      'POST',
      `${system.api}/public/complaints`,
      complaintFixture({ summary: '引擎停机期间的投诉' }),
    );
    expect(during.status).toBe(201);

    await startComponent('engine');
    const task = await eventually(
      async () => (await system.engine.listTasks({ processInstanceBusinessKey: during.body.id }))[0],
      { timeoutMs: 90000, what: 'the process of the complaint filed during the outage' },
    );
    expect(task.name).toBe('受理审查');
    // The task from before the outage survived the restart: the engine keeps its state in PostgreSQL. The
    // tasklist answers again once its own circuit to the engine has closed (a trial call every few seconds).
    const kept = await eventually(
      async () => {
        const answer = await http<{ items: { businessKey: string }[] }>(
          'GET',
          `${system.api}/tasks?businessKey=${before.body.id}`,
          undefined,
          AS_STAFF,
        );
        return answer.status === 503 ? undefined : answer;
      },
      { timeoutMs: 30000, what: 'the task list answering after the engine restart' },
    );
    expect(kept.status).toBe(200);
    expect(kept.body.items).toHaveLength(1);
  });
});
