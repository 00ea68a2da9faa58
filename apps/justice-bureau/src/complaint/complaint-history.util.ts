import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
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

/** Appends a line to the complaint's history, once per source key. */
export async function appendHistory(manager: EntityManager, line: HistoryLine): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(ComplaintEventEntity)
    .values({
      id: randomUUID(),
      complaintId: line.complaintId,
      kind: line.kind,
      public: line.public,
      messageZh: line.zh,
      messageEn: line.en,
      actorOrg: line.actorOrg ?? null,
      sourceKey: line.sourceKey,
    })
    .orIgnore()
    .execute();
}
