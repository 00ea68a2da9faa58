import { RetryableError } from '@oversight/messaging';
import { EngineClient } from './engine.client';
import { EngineUnavailableError } from './engine.errors';
import { PlainVariables } from './variables.util';

/**
 * For a Kafka consumer that starts a process for its event: the instance for the business key, started
 * now or by an earlier delivery of the same event. An unreachable engine makes the event wait and come
 * again (RetryableError) rather than count as a failure of the event.
 */
export async function startProcessForEvent(
  engine: EngineClient,
  key: string,
  businessKey: string,
  variables: PlainVariables,
): Promise<string> {
  const [id] = await startProcessesForEvents(engine, key, [{ businessKey, variables }]);
  return id!;
}

/**
 * The same for a batch of events, in one engine transaction: the instance ids in the order given.
 * All or nothing; when it fails, the consumer handles the batch's events one at a time.
 */
export async function startProcessesForEvents(
  engine: EngineClient,
  key: string,
  items: { businessKey: string; variables: PlainVariables }[],
): Promise<string[]> {
  try {
    return (await engine.startProcessesOnce(key, items)).map((r) => r.id);
  } catch (error) {
    if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
    throw error;
  }
}
