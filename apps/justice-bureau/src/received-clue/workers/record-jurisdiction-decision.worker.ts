import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueResultReportedV1, ClueStatusReportedV1, JOB, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ReceivedClueEntity } from '../received-clue.entity';
import { clueJobContext, recordTransfer, text } from './received-clue-job.util';

/**
 * Keep the clue for administrative supervision, or return it (not an enforcement matter): the sender gets
 * the status; a return is also the final result.
 */
@Injectable()
@JobWorker({ type: JOB.bureauRecordJurisdictionDecision })
export class RecordJurisdictionDecisionWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue, vars } = await clueJobContext(job, manager);
    if (!clue) return fail(`received clue ${job.businessKey} not found`);
    const decision = vars.jurisdiction;
    if (decision !== 'keep' && decision !== 'return') return fail(`invalid jurisdiction ${String(decision)}`);
    if (clue.jurisdiction) return complete({ jurisdiction: clue.jurisdiction });
    const remark = text(vars.jurisdictionRemark);
    const now = new Date();
    await manager.update(
      ReceivedClueEntity,
      { id: clue.id },
      {
        status: decision === 'keep' ? 'accepted' : 'returned',
        jurisdiction: decision,
        jurisdictionRemark: remark,
        jurisdictionDecidedAt: now,
      },
    );
    const parties = { referralId: clue.id, senderOrg: clue.senderOrg, receiverOrg: 'sfj' };
    await this.outbox.record<ClueStatusReportedV1>(manager, {
      topic: TOPIC.bureauClueStatusReported,
      subject: clue.id,
      data: {
        ...parties,
        status: decision === 'keep' ? 'accepted' : 'returned',
        ...(remark ? { remark } : {}),
        reportedAt: now.toISOString(),
      },
    });
    if (decision === 'return') {
      await this.outbox.record<ClueResultReportedV1>(manager, {
        topic: TOPIC.bureauClueResultReported,
        subject: clue.id,
        data: {
          ...parties,
          outcome: 'returned',
          conclusion: remark ?? '退回移送机关',
          decidedAt: now.toISOString(),
        },
      });
    }
    await recordTransfer(this.outbox, manager, clue, {
      status: decision === 'keep' ? 'accepted' : 'returned',
      ...(decision === 'keep'
        ? { dueAt: clue.feedbackDue.result.dueAt, basis: clue.feedbackDue.result.rule.basis }
        : { closed: true }),
    });
    return complete({ jurisdiction: decision });
  }
}
