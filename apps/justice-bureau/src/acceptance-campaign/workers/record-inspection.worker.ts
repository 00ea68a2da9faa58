import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AcceptanceUnitInspectedV1, JOB, TOPIC } from '@oversight/contracts';
import { dueAt, endOfBeijingDay } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import {
  AcceptanceCampaignEntity,
  AcceptanceInspectionEntity,
  AcceptanceUnitEntity,
} from '../acceptance-campaign.entity';
import { LEADING_GROUP_OFFICE, moveStage, rectificationRef, recordTransfer } from '../acceptance-stage.util';
import { ACCEPTANCE_DEADLINE_RULES } from '../deadline-rules';
import { acceptanceJobContext, idOf } from './acceptance-job.util';

/**
 * The acceptance team's conclusion on a unit (the inspection, or a re-inspection after rectification):
 * accepted, failed, or a rectification order (整改通知) with its deadline — the team's date, or the rule's
 * counted from the end of the acceptance window (or the previous deadline), never past the summary window.
 * The order is a transfer from the office to the unit, for liaison's register.
 */
@Injectable()
@JobWorker({ type: JOB.recordInspection })
export class RecordInspectionWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { campaign, unit, vars } = await acceptanceJobContext(job, manager);
    if (!campaign || !unit) return fail(`campaign ${job.businessKey} or its unit not found`);
    const inspection = await manager.findOneBy(AcceptanceInspectionEntity, {
      id: idOf(vars.inspectionId) ?? '',
    });
    if (!inspection) return fail(`inspection ${String(vars.inspectionId)} not found`);
    const from = inspection.round === 0 ? (['inspection'] as const) : (['re-inspection'] as const);
    const inspectedAt = inspection.inspectedAt;
    let rectificationDueAt: Date | null = null;

    if (inspection.decision === 'rectify') {
      rectificationDueAt = rectificationDeadline(campaign, unit, inspection);
      const round = unit.rectificationRounds + 1;
      const moved = await moveStage(manager, this.outbox, unit, 'rectification', [...from], {
        inspectionScore: inspection.sheet.percent,
        rectificationRounds: round,
        rectificationDueAt,
      });
      if (moved) {
        await manager.update(AcceptanceInspectionEntity, { id: inspection.id }, { rectificationDueAt });
        await recordTransfer(manager, this.outbox, {
          ...rectificationRef(campaign.id, unit.unitCode, round),
          sender: LEADING_GROUP_OFFICE,
          receiver: unit.unitCode,
          subject: `先行区创建验收整改（${unit.name}，第${round}轮）`,
          dueAt: rectificationDueAt.toISOString(),
          status: 'ordered',
          documents: [{ name: '验收整改通知', ref: inspection.id }],
          basis: inspection.requestedDueDate
            ? '验收组确定的整改期限'
            : ACCEPTANCE_DEADLINE_RULES.rectification.basis,
        });
      }
    } else {
      const result = inspection.decision === 'accept' ? 'accepted' : 'failed';
      await moveStage(manager, this.outbox, unit, result, [...from], {
        inspectionScore: inspection.sheet.percent,
        result,
        decidedAt: inspectedAt,
        rectificationDueAt: null,
      });
    }
    await this.outbox.record<AcceptanceUnitInspectedV1>(manager, {
      topic: TOPIC.acceptanceUnitInspected,
      subject: campaign.id,
      data: {
        campaignId: campaign.id,
        unitCode: unit.unitCode,
        round: inspection.round,
        score: inspection.sheet.percent,
        decision: inspection.decision,
        rectificationDueAt: rectificationDueAt?.toISOString() ?? null,
        inspectedAt: inspectedAt.toISOString(),
      },
    });
    return complete(rectificationDueAt ? { rectificationDueAt: rectificationDueAt.toISOString() } : {});
  }
}

function rectificationDeadline(
  campaign: AcceptanceCampaignEntity,
  unit: AcceptanceUnitEntity,
  inspection: AcceptanceInspectionEntity,
): Date {
  if (inspection.requestedDueDate) return endOfBeijingDay(inspection.requestedDueDate);
  // The rule counts from the day the acceptance window (or the last rectification period) closes.
  const anchor =
    inspection.round === 0
      ? campaign.acceptanceEndsAt
      : (unit.rectificationDueAt ?? campaign.acceptanceEndsAt);
  const due = dueAt(ACCEPTANCE_DEADLINE_RULES.rectification, new Date(anchor.getTime() - 1));
  return due > campaign.summaryEndsAt ? campaign.summaryEndsAt : due;
}
