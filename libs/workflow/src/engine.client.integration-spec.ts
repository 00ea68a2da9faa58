import { join } from 'node:path';
import { EngineClient } from './engine.client';
import { EngineHttpError, EngineUnavailableError } from './engine.errors';

/** The engine client against the real engine of the test run, and against one that is not there. */
describe('EngineClient', () => {
  const engine = new EngineClient({
    service: 'workflow-test',
    engineUrl: process.env.ENGINE_URL!,
    bpmnFiles: [],
  });

  afterAll(() => engine.shutdown());

  it('deploys a model once, however often it is deployed', async () => {
    const file = join(__dirname, 'test-models', 'message-wait.bpmn');
    await engine.deploy('workflow-test', [file]);
    const again = await engine.deploy('workflow-test', [file]);
    expect(Object.keys((again.deployedProcessDefinitions ?? {}) as object)).toHaveLength(0);
  });

  it('moves a waiting instance on by correlating a message to its business key', async () => {
    const businessKey = `msg-${Date.now()}`;
    const { id } = await engine.startProcess('workflow-test-message-wait', businessKey, { note: '等待反馈' });
    expect((await engine.historicProcessInstance(id)).state).toBe('ACTIVE');
    await engine.correlateMessage('workflow-test.feedback-received', businessKey, { feedback: 'received' });
    expect((await engine.historicProcessInstance(id)).state).toBe('COMPLETED');
  });

  it('starts a process once per business key, also after that instance ended', async () => {
    const businessKey = `once-${Date.now()}`;
    const first = await engine.startProcessOnce('workflow-test-message-wait', businessKey, {
      note: '首次',
      round: 1,
    });
    expect(first.started).toBe(true);
    // Whole numbers arrive typed as the REST API types them (Long), strings as strings.
    const variables = await fetch(
      `${process.env.ENGINE_URL}/engine-rest/process-instance/${first.id}/variables`,
    ).then((r) => r.json());
    expect(variables).toEqual({
      note: expect.objectContaining({ type: 'String', value: '首次' }),
      round: expect.objectContaining({ type: 'Long', value: 1 }),
    });
    const again = await engine.startProcessOnce('workflow-test-message-wait', businessKey, { note: '重复' });
    expect(again).toEqual({ id: first.id, started: false });
    await engine.correlateMessage('workflow-test.feedback-received', businessKey, { feedback: 'received' });
    expect((await engine.historicProcessInstance(first.id)).state).toBe('COMPLETED');
    const afterEnd = await engine.startProcessOnce('workflow-test-message-wait', businessKey, {});
    expect(afterEnd).toEqual({ id: first.id, started: false });
    const other = await engine.startProcessOnce('workflow-test-message-wait', `${businessKey}-b`, {});
    expect(other.started).toBe(true);
    expect(other.id).not.toBe(first.id);
    const unknown = engine.startProcessOnce('no-such-process', businessKey, {});
    await expect(unknown).rejects.toMatchObject({ status: 404 });
  });

  it('starts a batch in one call: each business key once, in order, and nothing when one start fails', async () => {
    const key = 'workflow-test-message-wait';
    const bk = `batch-${Date.now()}`;
    const earlier = await engine.startProcessOnce(key, `${bk}-0`, {});
    const results = await engine.startProcessesOnce(key, [
      { businessKey: `${bk}-0`, variables: {} },
      { businessKey: `${bk}-1`, variables: { round: 1 } },
      { businessKey: `${bk}-2`, variables: { note: '批量' } },
      { businessKey: `${bk}-1`, variables: { round: 2 } },
    ]);
    expect(results[0]).toEqual({ id: earlier.id, started: false });
    expect(results[1]!.started).toBe(true);
    expect(results[2]!.started).toBe(true);
    expect(results[3]).toEqual({ id: results[1]!.id, started: false });
    expect(new Set(results.map((r) => r.id)).size).toBe(3);
    for (const [i, r] of results.slice(1, 3).entries()) {
      const [found] = await engine.findProcessInstances({
        businessKey: `${bk}-${i + 1}`,
        processDefinitionKey: key,
      });
      expect(found?.id).toBe(r.id);
    }
    // A nested value is refused by the engine: the whole batch is rolled back, the good start too.
    const bad = engine.startProcessesOnce(key, [
      { businessKey: `${bk}-3`, variables: {} },
      { businessKey: `${bk}-4`, variables: { nested: { no: 1 } } as never },
    ]);
    await expect(bad).rejects.toMatchObject({ status: 400 });
    expect(await engine.findProcessInstances({ businessKey: `${bk}-3`, processDefinitionKey: key })).toEqual(
      [],
    );
    const unknown = engine.startProcessesOnce('no-such-process', [
      { businessKey: `${bk}-5`, variables: {} },
      { businessKey: `${bk}-6`, variables: {} },
    ]);
    await expect(unknown).rejects.toMatchObject({ status: 404 });
  });

  it('starts one instance for a business key asked for by a slow batch and by single calls meanwhile', async () => {
    const key = 'workflow-test-message-wait';
    const bk = `race-${Date.now()}`;
    // The batch looks the key up first and commits only after 150 more starts; the single calls come
    // while it works. Without the engine's lock per business key they found nothing and started too.
    const batch = engine.startProcessesOnce(key, [
      { businessKey: bk, variables: {} },
      ...Array.from({ length: 150 }, (_, i) => ({ businessKey: `${bk}-other-${i}`, variables: {} })),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const singles = await Promise.all(Array.from({ length: 4 }, () => engine.startProcessOnce(key, bk, {})));
    const forKey = [(await batch)[0]!, ...singles];
    expect(new Set(forKey.map((r) => r.id)).size).toBe(1);
    expect(forKey.filter((r) => r.started)).toHaveLength(1);
    expect(await engine.findProcessInstances({ businessKey: bk, processDefinitionKey: key })).toHaveLength(1);
  });

  it('reports an engine 4xx as the caller’s error, without opening the circuit', async () => {
    for (let i = 0; i < 6; i += 1) {
      await expect(engine.getTask('no-such-task')).rejects.toBeInstanceOf(EngineHttpError);
    }
    expect(engine.circuit).toBe('closed');
  });

  it('opens its circuit when the engine cannot be reached, and then fails fast', async () => {
    const dead = new EngineClient({
      service: 'workflow-test',
      engineUrl: 'http://127.0.0.1:9',
      bpmnFiles: [],
    });
    try {
      for (let i = 0; i < 5; i += 1) {
        await expect(dead.engineInfo()).rejects.toBeInstanceOf(EngineUnavailableError);
      }
      expect(dead.circuit).toBe('open');
      const started = Date.now();
      await expect(dead.engineInfo()).rejects.toThrow(/circuit is open/);
      // No connection attempt: an unreachable engine costs a connect timeout, an open circuit nothing.
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      dead.shutdown();
    }
  });
});
