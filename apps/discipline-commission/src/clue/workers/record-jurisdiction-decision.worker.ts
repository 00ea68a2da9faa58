import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueResultReportedV1, ClueStatus, ClueStatusReportedV1, JOB, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ClueEntity, Jurisdiction } from '../clue.entity';
import { clueJobContext, partiesOf, recordTransfer, text } from './clue-job.util';

const STATUS_OF: Record<Jurisdiction, ClueStatus & ClueEntity['status']> = {
  keep: 'accepted',
  forward: 'forwarded',
  return: 'returned',
};

/**
 * 监察法实施条例 Art. 171: keep the clue, forward it to the competent commission, or return it to the
 * sender. The sender gets the status; a forward or a return is also the final result from this commission.
 */
@Injectable()
@JobWorker({ type: JOB.commissionRecordJurisdictionDecision })
export class RecordJurisdictionDecisionWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue, vars } = await clueJobContext(job, manager);
    if (!clue) return fail(`clue ${job.businessKey} not found`);
    const decision = vars.jurisdiction as Jurisdiction;
    if (!(decision in STATUS_OF)) return fail(`invalid jurisdiction ${String(decision)}`);
    if (clue.jurisdiction) return complete({ jurisdiction: clue.jurisdiction });
    const forwardedTo = decision === 'forward' ? text(vars.forwardTo) : null;
    if (decision === 'forward' && !forwardedTo) return fail('forward without a commission to forward to');
    const remark = text(vars.jurisdictionRemark);
    const now = new Date();
    const status = STATUS_OF[decision];
    await manager.update(
      ClueEntity,
      { id: clue.id },
      { status, jurisdiction: decision, forwardedTo, jurisdictionRemark: remark, jurisdictionDecidedAt: now },
    );
    await this.outbox.record<ClueStatusReportedV1>(manager, {
      topic: TOPIC.commissionClueStatusReported,
      subject: clue.id,
      data: {
        ...partiesOf(clue),
        status,
        ...(forwardedTo ? { forwardedTo } : {}),
        ...(remark ? { remark } : {}),
        reportedAt: now.toISOString(),
      },
    });
    if (decision !== 'keep') {
      await this.outbox.record<ClueResultReportedV1>(manager, {
        topic: TOPIC.commissionClueResultReported,
        subject: clue.id,
        data: {
          ...partiesOf(clue),
          outcome: decision === 'forward' ? 'forwarded' : 'returned',
          conclusion:
            decision === 'forward'
              ? `已转送${forwardedTo}处理。${remark ?? ''}`
              : (remark ?? '不属于本机关监察管辖，退回移送机关。'),
          decidedAt: now.toISOString(),
        },
      });
    }
    await recordTransfer(this.outbox, manager, clue, {
      status,
      ...(decision === 'keep'
        ? { dueAt: clue.feedbackDue.result.dueAt, basis: clue.feedbackDue.result.rule.basis }
        : { closed: true }),
    });
    return complete({ jurisdiction: decision });
  }
}
