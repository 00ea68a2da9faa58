import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  ASSESSMENT_SOURCE,
  BODY,
  SupervisionCaseChangedV1,
  SupervisionCaseStatus,
  SupervisionSource,
  TOPIC,
  TRANSFER_KIND,
  TransferChangedV1,
  transferKey,
} from '@oversight/contracts';
import { documentNumber, nextDocumentSeq } from '@oversight/database';
import { beijingDate } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import type { Bilingual } from '@oversight/platform';
import { AssessmentInputEntity } from '../acceptance-campaign/acceptance-campaign.entity';
import { SUPERVISION_ASSESSMENT_BASIS } from './deadline-rules';
import {
  SupervisionCaseEntity,
  SupervisionCaseEventEntity,
  SupervisionDocumentEntity,
  SupervisionDocumentKind,
  SupervisionResult,
} from './supervision-case.entity';

/** The supervising office: the justice bureau's administrative-enforcement supervision section. */
export const SUPERVISION_OFFICE = BODY.justiceBureau;
export const SCHEMA = 'justice_bureau';
export const CASE: Bilingual = { zh: '监督检查案件', en: 'Supervision case' };

export const SOURCE_LABEL: Record<SupervisionSource, string> = {
  complaint: '投诉举报',
  review: '行政复议',
  inspection: '执法检查',
  'joint-inspection': '联合执法检查',
  'case-file-review': '案卷评查',
  'follow-up-visit': '案件回访',
  'deputies-suggestion': '人大代表建议、政协委员提案',
  media: '新闻媒体反映',
  other: '其他',
};

export const STATUS_LABEL: Record<SupervisionCaseStatus, Bilingual> = {
  'filing-review': { zh: '立案审批', en: 'filing approval' },
  investigation: { zh: '调查', en: 'investigation' },
  'decision-review': { zh: '处理审批', en: 'handling approval' },
  rectification: { zh: '整改', en: 'rectification' },
  closed: { zh: '已结案', en: 'closed' },
  dismissed: { zh: '不予立案', en: 'dismissed' },
};

/** The standard documents (plan 四（四）1): name, number prefix and counter series. */
export const DOCUMENT: Record<SupervisionDocumentKind, { name: string; prefix: string; series: string }> = {
  'filing-approval': { name: '行政执法监督检查立案审批表', prefix: '阳司监立', series: 'supervision-filing' },
  'handling-approval': {
    name: '行政执法监督检查处理审批表',
    prefix: '阳司监审',
    series: 'supervision-handling',
  },
  'decision-notice': {
    name: '行政执法监督检查处理决定通知书',
    prefix: '阳司监决',
    series: 'supervision-decision',
  },
  suggestion: { name: '行政执法监督建议书', prefix: '阳司监建', series: 'supervision-suggestion' },
  opinion: { name: '行政执法监督检查意见书', prefix: '阳司监意', series: 'supervision-opinion' },
};

export const RESULT_OUTCOME: Record<SupervisionResult, string> = {
  corrected: '经监督检查认定存在执法过错，已责令纠正并整改到位',
  'no-fault': '经监督检查未发现执法过错',
  dismissed: '经审查不予立案',
};

/** The case row, locked for the caller's transaction. */
export function lockCase(manager: EntityManager, id: string): Promise<SupervisionCaseEntity | null> {
  return manager.findOne(SupervisionCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** The next number of a document series this year, without gaps (inside the caller's transaction). */
export async function nextNumber(manager: EntityManager, kind: SupervisionDocumentKind): Promise<string> {
  const year = beijingDate(new Date()).slice(0, 4);
  const doc = DOCUMENT[kind];
  return documentNumber(doc.prefix, year, await nextDocumentSeq(manager, SCHEMA, doc.series, year));
}

/** Numbers a document of the case once; a repeated call returns the number it already has. */
export async function issueDocument(
  manager: EntityManager,
  caseId: string,
  kind: SupervisionDocumentKind,
): Promise<string> {
  const existing = await manager.findOneBy(SupervisionDocumentEntity, { caseId, kind });
  if (existing) return existing.number;
  const number = await nextNumber(manager, kind);
  await manager.insert(SupervisionDocumentEntity, { caseId, kind, number });
  return number;
}

/** A line of the case file's history, written once per `sourceKey`. */
export async function appendHistory(
  manager: EntityManager,
  entry: {
    caseId: string;
    kind: string;
    text: Bilingual;
    actorOrg: string;
    actor: string | null;
    sourceKey: string;
  },
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(SupervisionCaseEventEntity)
    .values({
      id: randomUUID(),
      caseId: entry.caseId,
      kind: entry.kind,
      zh: entry.text.zh,
      en: entry.text.en,
      actorOrg: entry.actorOrg,
      actor: entry.actor,
      sourceKey: entry.sourceKey,
    })
    .orIgnore()
    .execute();
}

/** Tells every listener (the requesting body, the assessment) that the case changed. */
export async function announce(
  manager: EntityManager,
  outbox: OutboxService,
  c: SupervisionCaseEntity,
): Promise<void> {
  const closed = c.status === 'closed' || c.status === 'dismissed';
  await outbox.record<SupervisionCaseChangedV1>(manager, {
    topic: TOPIC.supervisionCaseChanged,
    subject: c.id,
    data: {
      caseId: c.id,
      caseNumber: c.caseNumber,
      source: c.source,
      sourceRef: c.sourceRef,
      agencyCode: c.agencyCode,
      status: c.status,
      ...(c.correctionOrdered !== null ? { correctionOrdered: c.correctionOrdered } : {}),
      ...(closed && c.rectified !== null ? { rectified: c.rectified } : {}),
      closed,
      overdue: c.overdue,
    },
  });
}

/** Updates the case, re-reads it and announces the change. */
export async function changeCase(
  manager: EntityManager,
  outbox: OutboxService,
  id: string,
  changes: Partial<SupervisionCaseEntity>,
): Promise<SupervisionCaseEntity> {
  await manager.update(SupervisionCaseEntity, { id }, changes);
  const updated = await manager.findOneByOrFail(SupervisionCaseEntity, { id });
  await announce(manager, outbox, updated);
  return updated;
}

/** Closes the case with its result and writes the agency's assessment input (once per case). */
export async function closeCase(
  manager: EntityManager,
  outbox: OutboxService,
  c: SupervisionCaseEntity,
  result: SupervisionResult,
  changes: Partial<SupervisionCaseEntity> = {},
): Promise<SupervisionCaseEntity> {
  const closedAt = new Date();
  const closed = await changeCase(manager, outbox, c.id, {
    ...changes,
    status: result === 'dismissed' ? 'dismissed' : 'closed',
    result,
    rectified: result === 'corrected' ? true : null,
    closedAt,
  });
  await manager
    .createQueryBuilder()
    .insert()
    .into(AssessmentInputEntity)
    .values({
      id: randomUUID(),
      year: Number(beijingDate(closedAt).slice(0, 4)),
      unitCode: c.agencyCode,
      source: ASSESSMENT_SOURCE.supervisionCase,
      sourceRef: c.id,
      result,
      score: null,
      outcome: RESULT_OUTCOME[result],
      detail: {
        caseNumber: c.caseNumber,
        source: c.source,
        sourceRef: c.sourceRef,
        subject: c.subject,
        rectificationRounds: c.rectificationRound,
        overdue: c.overdue,
      },
      basis: SUPERVISION_ASSESSMENT_BASIS,
    })
    .orIgnore()
    .execute();
  return closed;
}

/** The rectification order of one round, for liaison's register. */
export const rectificationRef = (caseId: string, round: number) => ({
  kind: TRANSFER_KIND.supervisionRectification,
  sourceRef: `${caseId}:${round}`,
});

export async function recordTransfer(
  manager: EntityManager,
  outbox: OutboxService,
  c: SupervisionCaseEntity,
  round: number,
  change: Omit<TransferChangedV1, 'kind' | 'sourceRef'>,
): Promise<void> {
  const transfer: TransferChangedV1 = {
    ...rectificationRef(c.id, round),
    sender: SUPERVISION_OFFICE,
    receiver: c.agencyCode,
    subject: `执法监督整改：${c.subject}（${c.caseNumber}，第${round}轮）`,
    ...change,
  };
  await outbox.record<TransferChangedV1>(manager, {
    topic: TOPIC.transferChanged,
    subject: transferKey(transfer),
    data: transfer,
  });
}
