import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  AcceptanceUnitEscalatedV1,
  AcceptanceWindow,
  JOB,
  TOPIC,
  TransferChangedV1,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import {
  AcceptanceCampaignEntity,
  AcceptanceNoticeEntity,
  AcceptanceUnitEntity,
} from '../acceptance-campaign.entity';
import {
  LEADING_GROUP_OFFICE,
  moveStage,
  rectificationRef,
  recordTransfer,
  submissionRef,
  withWindow,
} from '../acceptance-stage.util';
import { acceptanceJobContext } from './acceptance-job.util';

interface NoticeKind {
  window: AcceptanceWindow;
  level: 'overdue' | 'missed';
  /** The variable holding the deadline that passed. */
  due: string;
  /** Who is told: the unit, or the office (the acceptance team, the summary). */
  to: 'unit' | 'office';
}

/** Which window a notice task watches: the BPMN activity id says it. */
const NOTICE_OF_ACTIVITY: Record<string, NoticeKind> = {
  'work-plan-overdue-notice': { window: 'work-plan', level: 'overdue', due: 'planDueAt', to: 'unit' },
  'work-plan-missing-notice': { window: 'work-plan', level: 'missed', due: 'selfCheckStartsAt', to: 'unit' },
  'self-check-missed-notice': { window: 'self-check', level: 'missed', due: 'selfCheckEndsAt', to: 'unit' },
  'inspection-overdue-notice': {
    window: 'inspection',
    level: 'overdue',
    due: 'acceptanceEndsAt',
    to: 'office',
  },
  'rectification-overdue-notice': {
    window: 'rectification',
    level: 'overdue',
    due: 'rectificationDueAt',
    to: 'unit',
  },
  'summary-overdue-notice': { window: 'summary', level: 'overdue', due: 'summaryEndsAt', to: 'office' },
};

/**
 * A window closed on a unit (or on the office) with its step still open: raise the 督办 notice once,
 * mark the unit late on the board, and tell liaison — an overdue submission or rectification order is
 * an overdue transfer. A unit that missed the self-check moves on to the acceptance without it.
 */
@Injectable()
@JobWorker({ type: JOB.raiseAcceptanceNotice })
export class RaiseAcceptanceNoticeWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { campaign, unit, vars } = await acceptanceJobContext(job, manager);
    const kind = NOTICE_OF_ACTIVITY[job.activityId];
    if (!campaign) return fail(`acceptance campaign ${job.businessKey} not found`);
    if (!kind) return fail(`no notice defined for activity ${job.activityId}`);
    if (kind.window !== 'summary' && !unit) return fail(`no participating unit in job ${job.id}`);
    const dueAt = new Date(String(vars[kind.due]));
    if (Number.isNaN(dueAt.getTime())) return fail(`variable ${kind.due} is not an instant`);
    const round = kind.window === 'rectification' ? (unit?.rectificationRounds ?? 0) : 0;
    const key = {
      campaignId: campaign.id,
      unitCode: unit?.unitCode ?? '',
      window: kind.window,
      level: kind.level,
      round,
    };
    if (await manager.existsBy(AcceptanceNoticeEntity, key)) return complete(); // raised already
    const noticeId = randomUUID();
    const toOrg = kind.to === 'unit' && unit ? unit.unitCode : LEADING_GROUP_OFFICE;
    await manager.insert(AcceptanceNoticeEntity, { id: noticeId, ...key, toOrg, dueAt });
    const raisedAt = new Date();

    if (!unit) {
      await manager.update(AcceptanceCampaignEntity, { id: campaign.id }, { summaryLate: true });
    } else {
      const lateWindows = withWindow(unit.lateWindows, kind.window);
      if (kind.window === 'self-check') {
        await moveStage(
          manager,
          this.outbox,
          unit,
          'awaiting-acceptance',
          ['self-check', 'work-plan', 'creation'],
          {
            lateWindows,
          },
        );
      } else {
        await manager.update(
          AcceptanceUnitEntity,
          { campaignId: campaign.id, unitCode: unit.unitCode },
          { lateWindows },
        );
      }
      const transfer = this.transfer(campaign.id, unit, kind, round, dueAt, noticeId);
      if (transfer) await recordTransfer(manager, this.outbox, transfer);
    }
    await this.outbox.record<AcceptanceUnitEscalatedV1>(manager, {
      topic: TOPIC.acceptanceUnitEscalated,
      subject: campaign.id,
      data: {
        campaignId: campaign.id,
        unitCode: unit?.unitCode ?? null,
        window: kind.window,
        level: kind.level,
        noticeId,
        toOrg,
        dueAt: dueAt.toISOString(),
        raisedAt: raisedAt.toISOString(),
      },
    });
    return complete();
  }

  /** The overdue transfer for liaison: the unit's submission to the office, or the office's order. */
  private transfer(
    campaignId: string,
    unit: AcceptanceUnitEntity,
    kind: NoticeKind,
    round: number,
    dueAt: Date,
    noticeId: string,
  ): TransferChangedV1 | null {
    const notice = { name: '督办通知', ref: noticeId };
    if (kind.window === 'rectification') {
      // The report may have come in between the timer and this job: then the order is overdue but done.
      const reported = unit.stage !== 'rectification' || unit.rectificationRounds !== round;
      return {
        ...rectificationRef(campaignId, unit.unitCode, round),
        sender: LEADING_GROUP_OFFICE,
        receiver: unit.unitCode,
        dueAt: dueAt.toISOString(),
        status: reported ? 'reported-late' : 'overdue',
        overdue: true,
        closed: reported,
        documents: [notice],
      };
    }
    if (kind.window !== 'work-plan' && kind.window !== 'self-check') return null;
    const what = kind.window === 'work-plan' ? '工作方案' : '自查报告';
    const submittedMeanwhile = kind.window === 'work-plan' && unit.workPlanSubmittedAt !== null;
    return {
      ...submissionRef(campaignId, unit.unitCode, kind.window),
      sender: unit.unitCode,
      receiver: LEADING_GROUP_OFFICE,
      subject: `先行区创建验收：${unit.name}${kind.level === 'missed' ? '未报送' : '逾期未报送'}${what}`,
      // The work plan's due date stays 4/30 (or the campaign's) even when the window finally closes later.
      ...(kind.window === 'work-plan' && kind.level === 'missed' ? {} : { dueAt: dueAt.toISOString() }),
      status: submittedMeanwhile ? 'submitted-late' : kind.level === 'missed' ? 'not-submitted' : 'overdue',
      overdue: true,
      closed: submittedMeanwhile || kind.level === 'missed',
      documents: [notice],
    };
  }
}
