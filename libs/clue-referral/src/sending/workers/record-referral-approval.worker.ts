import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { complete, fail, JobHandler, JobResult, LockedJob } from '@oversight/workflow';
import { ClueReferralEntity } from '../clue-referral.entity';
import { CLUE_REFERRAL_SENDER, ClueReferralSender } from '../clue-referral-sender';
import { feedbackSchedule } from '../clue-referral.service';
import { referralJobContext, text } from './referral-job.util';

/**
 * The head's decision. Approved: the feedback due dates are fixed now, since the referral leaves at once
 * (the process opens its waits for the feedback beside the send step, so none can arrive unawaited). Returned: back to
 * drafting with the head's comment.
 */
@Injectable()
export class RecordReferralApprovalWorker implements JobHandler {
  constructor(@Inject(CLUE_REFERRAL_SENDER) private readonly sender: ClueReferralSender) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { referral, vars } = await referralJobContext(job, manager);
    if (!referral) return fail(`clue referral ${job.businessKey} not found`);
    const decision = vars.approvalDecision;
    const comment = text(vars.approvalComment);
    if (decision === 'return') {
      await manager.update(
        ClueReferralEntity,
        { id: referral.id },
        { status: 'drafting', approvalComment: comment },
      );
      return complete({ approvalDecision: 'return' });
    }
    if (decision !== 'approve') return fail(`invalid approvalDecision ${String(decision)}`);
    const schedule = referral.feedbackSchedule ?? feedbackSchedule(this.sender.rules, new Date());
    await manager.update(
      ClueReferralEntity,
      { id: referral.id },
      {
        status: 'approved',
        approvalComment: comment,
        approvedBy: text(vars.approvedBy),
        approvedAt: new Date(),
        feedbackSchedule: schedule as never,
      },
    );
    return complete({
      approvalDecision: 'approve',
      receiptDueAt: schedule.receipt.dueAt,
      receiptEscalateAt: schedule.receipt.escalateAt,
      statusDueAt: schedule.status.dueAt,
      statusEscalateAt: schedule.status.escalateAt,
      resultDueAt: schedule.result.dueAt,
      resultEscalateAt: schedule.result.escalateAt,
    });
  }
}
