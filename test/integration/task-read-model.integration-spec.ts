import { DataSource } from 'typeorm';
import { asStaff, http } from '@oversight/testing';
import { EngineTaskEvent } from '@oversight/workflow';
import { TaskProjectionService } from '../../apps/tasklist/src/task/task-projection.service';
import { Services, startServices } from './services';

/**
 * The tasklist's read model of open tasks against the real engine: every change the engine commits
 * (create, claim, completion, an instance deleted) shows in the next list, with no waiting; events read
 * again change nothing.
 */
describe('task list read model', () => {
  let system: Services;
  const PROCESS_ID = 'test-read-model-group-task';
  const scjg = asStaff('scjg', 'clerk', 'scjg-reader');

  interface TaskList {
    total: number;
    items: {
      id: string;
      businessKey: string | null;
      processDefinitionKey: string;
      assignee: string | null;
      due: string | null;
      name: string;
    }[];
  }
  const list = async (query: string, headers = scjg) => {
    const response = await http<TaskList>('GET', `${system.api}/tasks?${query}`, undefined, headers);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    system = await startServices(['tasklist']);
    await system.engine.deploy('read-model-test', [`${__dirname}/models/group-task.bpmn`]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('shows every committed change in the next list: start, claim, completion, deletion', async () => {
    const key = `read-model-${Date.now()}`;
    const due = '2030-01-02T03:04:05.000Z';
    await system.engine.startProcess(PROCESS_ID, key, { group: 'scjg', due });

    // Straight after the engine answered: no polling.
    const offered = await list(`candidateGroup=scjg&businessKey=${key}`);
    expect(offered.total).toBe(1);
    const [task] = offered.items;
    expect(task).toMatchObject({
      name: '测试任务',
      businessKey: key,
      processDefinitionKey: PROCESS_ID,
      assignee: null,
    });
    expect(new Date(task!.due!).toISOString()).toBe('2030-01-02T03:04:05.000Z');
    // Another organisation's clerk does not see it.
    expect((await list(`businessKey=${key}`, asStaff('cgj'))).total).toBe(0);

    const claimed = await http('POST', `${system.api}/tasks/${task!.id}/claim`, {}, scjg);
    expect(claimed.status).toBe(200);
    expect((await list(`candidateGroup=scjg&businessKey=${key}`)).total).toBe(0); // claimed: no longer offered
    expect(
      (await list(`candidateGroup=scjg&includeAssigned=true&businessKey=${key}`)).items[0]?.assignee,
    ).toBe('scjg-reader');
    expect((await list(`assignee=scjg-reader&businessKey=${key}`)).total).toBe(1);

    await system.engine.completeTask(task!.id, {});
    expect((await list(`assignee=scjg-reader&businessKey=${key}`)).total).toBe(0);

    // An instance deleted in the engine takes its open task out of the list.
    const other = `${key}-deleted`;
    const started = await system.engine.startProcess(PROCESS_ID, other, { group: 'scjg', due });
    expect((await list(`businessKey=${other}`)).total).toBe(1);
    const deleted = await fetch(`${process.env.ENGINE_URL}/engine-rest/process-instance/${started.id}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    expect((await list(`businessKey=${other}`)).total).toBe(0);
  });

  it('ignores events read again, and older than what a task already shows', async () => {
    const key = `read-model-replay-${Date.now()}`;
    await system.engine.startProcess(PROCESS_ID, key, { group: 'scjg', due: '2030-01-02T03:04:05.000Z' });
    const [task] = (await list(`candidateGroup=scjg&businessKey=${key}`)).items;
    await system.engine.completeTask(task!.id, {});
    expect((await list(`businessKey=${key}`)).total).toBe(0);

    const db = system.db('tasklist');
    const projection = system.get('tasklist').app.get(TaskProjectionService);
    const [row] = (await db.query(`SELECT last_seq, open FROM ${projection.table} WHERE id = $1`, [
      task!.id,
    ])) as { last_seq: string; open: boolean }[];
    expect(row).toEqual({ last_seq: expect.any(String), open: false });
    // The `create` event delivered again (a reader that failed before acknowledging it).
    const replayed: EngineTaskEvent = {
      seq: Number(row!.last_seq) - 1,
      taskId: task!.id,
      event: 'create',
      task: JSON.stringify({
        id: task!.id,
        name: '测试任务',
        processDefinitionKey: PROCESS_ID,
        businessKey: key,
        assignee: null,
        candidateGroups: ['scjg'],
        created: new Date().toISOString(),
        due: null,
        priority: 50,
      }),
    };
    await projection.apply([replayed, replayed]);
    expect((await list(`businessKey=${key}`)).total).toBe(0);
    const [after] = (await (db as DataSource).query(
      `SELECT last_seq, open FROM ${projection.table} WHERE id = $1`,
      [task!.id],
    )) as { last_seq: string; open: boolean }[];
    expect(after).toEqual(row);
  });
});
