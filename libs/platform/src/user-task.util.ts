import { EngineClient, EngineHttpError, PlainVariables } from '@oversight/workflow';
import { Bilingual, conflict } from './api-error';

/**
 * Completes the user task `taskKey` of the instance of `processDefinitionKey` with this business key, or
 * answers 409 with `notNow` when the process is not waiting there (an illegal transition). The definition
 * is always part of the query: a referral and the clue it becomes at the receiver share the business key.
 */
export async function completeUserTask(
  engine: EngineClient,
  input: {
    processDefinitionKey: string;
    businessKey: string;
    taskKey: string;
    variables: PlainVariables;
    notNow: Bilingual;
  },
): Promise<string> {
  const [task] = await engine.listTasks({
    processDefinitionKey: input.processDefinitionKey,
    processInstanceBusinessKey: input.businessKey,
    taskDefinitionKey: input.taskKey,
    maxResults: 1,
  });
  if (!task) throw conflict(input.notNow);
  try {
    await engine.completeTask(task.id, input.variables);
    return task.id;
  } catch (error) {
    // Completed a moment ago by someone else: the same answer as if we had looked a moment later.
    if (error instanceof EngineHttpError && error.status < 500) throw conflict(input.notNow);
    throw error;
  }
}
