import { Bilingual, conflict } from '@oversight/platform';
import { EngineClient, EngineHttpError, PlainVariables } from '@oversight/workflow';

/**
 * Completes the user task `taskKey` of the instance of `processDefinitionKey` with this business key, or
 * answers 409 with `notNow` when the process is not waiting there (an illegal transition). A referral and
 * the clue it becomes at the receiver share the business key, so the definition is always part of the query.
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
  for (let attempt = 1; ; attempt += 1) {
    try {
      await engine.completeTask(task.id, input.variables);
      return task.id;
    } catch (error) {
      // Completed a moment ago by someone else: the same answer as if we had looked a moment later.
      if (error instanceof EngineHttpError && error.status < 500) throw conflict(input.notNow);
      // A job of the same instance finished at the same moment: the engine asks us to try again.
      const busy = error instanceof EngineHttpError && /OptimisticLocking|concurrently/.test(error.message);
      if (!busy || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/** `阳司线移〔2026〕12号`: a document number from a per-year sequence of the service's schema. */
export function documentNumber(prefix: string, year: string, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/** The next number of a document series in a year, taken inside the caller's transaction (no gaps). */
export async function nextDocumentSeq(
  manager: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  schema: string,
  series: string,
  year: string,
): Promise<number> {
  const rows = (await manager.query(
    `INSERT INTO "${schema}"."document_counter" AS c (series, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (series, year) DO UPDATE SET last = c.last + 1 RETURNING last`,
    [series, year],
  )) as { last: number }[];
  return rows[0].last;
}

/** A process variable as text, or null when it is missing or blank. */
export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
