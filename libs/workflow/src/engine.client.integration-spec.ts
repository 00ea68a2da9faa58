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
