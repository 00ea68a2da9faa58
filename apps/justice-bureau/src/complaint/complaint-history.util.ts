import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { insertStatement, Statement } from '@oversight/database';
import { ComplaintEventEntity } from './complaint-records.entity';

export interface HistoryLine {
  complaintId: string;
  kind: string;
  /** Told to the complainant (shown with the tracking code), or an internal note. */
  public: boolean;
  zh: string;
  en: string;
  actorOrg?: string | null;
  /** What wrote the line (a job id, a request id): a retried step writes it once. */
  sourceKey: string;
}

/** The INSERT of a history line, once per source key (for a batch of statements). */
export function historyStatement(manager: EntityManager | DataSource, line: HistoryLine): Statement {
  return insertStatement(
    manager,
    ComplaintEventEntity,
    {
      id: randomUUID(),
      complaintId: line.complaintId,
      kind: line.kind,
      public: line.public,
      messageZh: line.zh,
      messageEn: line.en,
      actorOrg: line.actorOrg ?? null,
      sourceKey: line.sourceKey,
    },
    { orIgnore: true },
  );
}

/** Appends a line to the complaint's history, once per source key. */
export async function appendHistory(manager: EntityManager, line: HistoryLine): Promise<void> {
  const { sql, params } = historyStatement(manager, line);
  await manager.query(sql, params);
}
