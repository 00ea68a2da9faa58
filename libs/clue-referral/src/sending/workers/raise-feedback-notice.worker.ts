import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  ClueFeedbackKind,
  ClueFeedbackRemindedV1,
  TOPIC,
  TransferChangedV1,
  transferKey,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, LockedJob } from '@oversight/workflow';
import { ClueReferralEntity } from '../clue-referral.entity';
import {
  ClueReferralFeedbackEntity,
  ClueReferralNoticeEntity,
  FeedbackNoticeLevel,
} from '../clue-referral-records.entity';
import { CLUE_REFERRAL_SENDER, ClueReferralSender } from '../clue-referral-sender';
import { referralJobContext, referralTransfer } from './referral-job.util';

/** Which feedback a timer watches and what it raises: the BPMN activity id says both. */
export const NOTICE_OF_ACTIVITY: Record<string, { feedback: ClueFeedbackKind; level: FeedbackNoticeLevel }> =
  {
    'receipt-reminder': { feedback: 'receipt', level: 'reminder' },
    'receipt-escalation': { feedback: 'receipt', level: 'escalation' },
    'status-reminder': { feedback: 'status', level: 'reminder' },
    'status-escalation': { feedback: 'status', level: 'escalation' },
    'result-reminder': { feedback: 'result', level: 'reminder' },
    'result-escalation': { feedback: 'result', level: 'escalation' },
  };

/**
 * A feedback is late. At its due date the receiver is reminded (催告); when the escalation date passes too,
 * the referral goes to the liaison meeting: the transfer is flagged overdue in liaison's register.
 */
@Injectable()
export class RaiseFeedbackNoticeWorker implements JobHandler {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(CLUE_REFERRAL_SENDER) private readonly sender: ClueReferralSender,
  ) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { referral } = await referralJobContext(job, manager);
    const notice = NOTICE_OF_ACTIVITY[job.activityId];
    if (!referral?.feedbackSchedule) return fail(`clue referral ${job.businessKey} not found or not sent`);
    if (!notice) return fail(`no feedback notice defined for activity ${job.activityId}`);
    // The feedback came in while the timer fired: nothing is late.
    if (
      await manager.existsBy(ClueReferralFeedbackEntity, { referralId: referral.id, kind: notice.feedback })
    ) {
      return complete();
    }
    const scheduled = referral.feedbackSchedule[notice.feedback];
    const dueAt = notice.level === 'reminder' ? scheduled.dueAt : scheduled.escalateAt;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ClueReferralNoticeEntity)
      .values({ id: randomUUID(), referralId: referral.id, ...notice, dueAt: new Date(dueAt) })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) return complete(); // raised already
    const now = new Date();
    if (notice.level === 'reminder') {
      await this.outbox.record<ClueFeedbackRemindedV1>(manager, {
        topic: this.sender.topics.feedbackReminded,
        subject: referral.id,
        data: {
          referralId: referral.id,
          senderOrg: this.sender.org,
          receiverOrg: referral.receiverOrg,
          feedback: notice.feedback,
          dueAt: scheduled.dueAt,
          remindedAt: now.toISOString(),
        },
      });
      return complete();
    }
    await manager.update(
      ClueReferralEntity,
      { id: referral.id },
      { escalatedAt: referral.escalatedAt ?? now },
    );
    const transfer = referralTransfer(this.sender, referral, {
      status: `${notice.feedback}-escalated`,
      overdue: true,
      basis: referral.feedbackSchedule.escalationRule.basis,
      documents: [{ name: '提请联席会议研究督办' }],
    });
    await this.outbox.record<TransferChangedV1>(manager, {
      topic: TOPIC.transferChanged,
      subject: transferKey(transfer),
      data: transfer,
    });
    return complete();
  }
}
