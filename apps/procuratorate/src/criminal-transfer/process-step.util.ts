import { Bilingual, conflict } from '@oversight/platform';
import { EngineClient, EngineHttpError, PlainVariables } from '@oversight/workflow';

/**
 * Completes the user task `taskKey` of the instance with this business key, or answers 409 with `notNow`
 * when the process is not waiting there (an illegal transition).
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
      if (error instanceof EngineHttpError && error.status < 500) throw conflict(input.notNow);
      const busy = error instanceof EngineHttpError && /OptimisticLocking|concurrently/.test(error.message);
      if (!busy || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/** `scjg刑移〔2026〕3号`: a document number from a per-year sequence in the procuratorate's schema. */
export async function nextDocumentNumber(
  manager: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  series: string,
  prefix: string,
  year: string,
): Promise<string> {
  const rows = (await manager.query(
    `INSERT INTO "procuratorate"."document_counter" AS c (series, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (series, year) DO UPDATE SET last = c.last + 1 RETURNING last`,
    [series, year],
  )) as { last: number }[];
  return `${prefix}〔${year}〕${rows[0].last}号`;
}
