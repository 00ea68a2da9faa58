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
  try {
    return (await engine.startProcessOnce(key, businessKey, variables)).id;
  } catch (error) {
    if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
    throw error;
  }
}
