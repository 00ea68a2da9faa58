import { EntityManager } from 'typeorm';
import {
  AcceptanceUnitStage,
  AcceptanceUnitStageChangedV1,
  AcceptanceWindow,
  BODY,
  TOPIC,
  TRANSFER_KIND,
  TransferChangedV1,
  transferKey,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import type { Bilingual } from '@oversight/platform';
import { AcceptanceUnitEntity } from './acceptance-campaign.entity';

export const LEADING_GROUP_OFFICE = BODY.justiceBureau;

export const STAGE_LABEL: Record<AcceptanceUnitStage, Bilingual> = {
  'work-plan': { zh: '报送工作方案', en: 'work plan' },
  creation: { zh: '创建实施', en: 'creation' },
  'self-check': { zh: '自查', en: 'self-check' },
  'awaiting-acceptance': { zh: '待验收', en: 'awaiting acceptance' },
  inspection: { zh: '验收检查', en: 'inspection' },
  rectification: { zh: '整改', en: 'rectification' },
  're-inspection': { zh: '待复查', en: 'awaiting re-inspection' },
  accepted: { zh: '验收通过', en: 'accepted' },
  failed: { zh: '验收不通过', en: 'failed' },
};

export const WINDOW_LABEL: Record<AcceptanceWindow, Bilingual> = {
  'work-plan': { zh: '工作方案报送', en: 'work plan' },
  'self-check': { zh: '自查', en: 'self-check' },
  inspection: { zh: '验收检查', en: 'inspection' },
  rectification: { zh: '整改', en: 'rectification' },
  summary: { zh: '评估总结', en: 'summary' },
};

export const FINAL_STAGES: AcceptanceUnitStage[] = ['accepted', 'failed'];

/**
 * Moves a unit to `stage` if it is in one of `from` (so a repeated or late step changes nothing) and
 * announces the change. Returns whether it moved.
 */
export async function moveStage(
  manager: EntityManager,
  outbox: OutboxService,
  unit: AcceptanceUnitEntity,
  stage: AcceptanceUnitStage,
  from: AcceptanceUnitStage[],
  changes: Partial<AcceptanceUnitEntity> = {},
): Promise<boolean> {
  if (!from.includes(unit.stage)) {
    if (Object.keys(changes).length > 0) {
      await manager.update(
        AcceptanceUnitEntity,
        { campaignId: unit.campaignId, unitCode: unit.unitCode },
        changes,
      );
    }
    return false;
  }
  const at = new Date();
  await manager.update(
    AcceptanceUnitEntity,
    { campaignId: unit.campaignId, unitCode: unit.unitCode },
    { ...changes, stage, stageChangedAt: at },
  );
  const lateWindows = changes.lateWindows ?? unit.lateWindows;
  await outbox.record<AcceptanceUnitStageChangedV1>(manager, {
    topic: TOPIC.acceptanceUnitStageChanged,
    subject: unit.campaignId,
    data: {
      campaignId: unit.campaignId,
      unitCode: unit.unitCode,
      stage,
      previousStage: unit.stage,
      late: lateWindows.length > 0,
      at: at.toISOString(),
    },
  });
  return true;
}

/** The unit row, locked for the job's transaction. */
export function lockUnit(
  manager: EntityManager,
  campaignId: string,
  unitCode: string,
): Promise<AcceptanceUnitEntity | null> {
  return manager.findOne(AcceptanceUnitEntity, {
    where: { campaignId, unitCode },
    lock: { mode: 'pessimistic_write' },
  });
}

export const withWindow = (windows: AcceptanceWindow[], window: AcceptanceWindow): AcceptanceWindow[] =>
  windows.includes(window) ? windows : [...windows, window];

/** Transfers of the campaign between the office and a unit, for liaison's register. */
export async function recordTransfer(
  manager: EntityManager,
  outbox: OutboxService,
  transfer: TransferChangedV1,
): Promise<void> {
  await outbox.record<TransferChangedV1>(manager, {
    topic: TOPIC.transferChanged,
    subject: transferKey(transfer),
    data: transfer,
  });
}

/** A unit's required submission to the office (work plan, self-check report). */
export const submissionRef = (campaignId: string, unitCode: string, what: 'work-plan' | 'self-check') => ({
  kind: TRANSFER_KIND.acceptanceSubmission,
  sourceRef: `${campaignId}:${unitCode}:${what}`,
});

/** The office's rectification order (整改通知) to a unit, one per round. */
export const rectificationRef = (campaignId: string, unitCode: string, round: number) => ({
  kind: TRANSFER_KIND.acceptanceRectification,
  sourceRef: `${campaignId}:${unitCode}:${round}`,
});
