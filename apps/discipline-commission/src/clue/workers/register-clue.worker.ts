import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueReceiptIssuedV1, JOB, TOPIC } from '@oversight/contracts';
import { beijingDate, dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { documentNumber, nextDocumentSeq } from '@oversight/clue-referral';
import { CLUE_DEADLINE_RULES } from '../../deadline/deadline-rules';
import { ClueEntity } from '../clue.entity';
import { clueJobContext, partiesOf, recordTransfer } from './clue-job.util';

/**
 * 登记 (案管): the clue gets its registration number, the sender its receipt (回执), and the forwarding
 * deadline of 监察法实施条例 Art. 171 starts to run.
 */
@Injectable()
@JobWorker({ type: JOB.commissionRegisterClue })
export class RegisterClueWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue } = await clueJobContext(job, manager);
    if (!clue) return fail(`clue ${job.businessKey} not found`);
    const due = (forwardDueAt: Date) => ({
      forwardDueAt: forwardDueAt.toISOString(),
      statusDueAt: clue.feedbackDue.status.dueAt,
      resultDueAt: clue.feedbackDue.result.dueAt,
    });
    if (clue.registrationNo && clue.forwardDueAt) return complete(due(clue.forwardDueAt));
    const now = new Date();
    const year = beijingDate(now).slice(0, 4);
    const registrationNo = documentNumber(
      '阳纪线登',
      year,
      await nextDocumentSeq(manager, 'discipline_commission', 'clue', year),
    );
    const forwardDueAt = dueAt(CLUE_DEADLINE_RULES.forwardJurisdiction, now);
    await manager.update(
      ClueEntity,
      { id: clue.id },
      { status: 'registered', registrationNo, registeredAt: now, forwardDueAt },
    );
    await this.outbox.record<ClueReceiptIssuedV1>(manager, {
      topic: TOPIC.commissionClueReceiptIssued,
      subject: clue.id,
      data: { ...partiesOf(clue), registrationNo, receivedAt: now.toISOString() },
    });
    await recordTransfer(this.outbox, manager, clue, {
      status: 'received',
      dueAt: clue.feedbackDue.status.dueAt,
      basis: clue.feedbackDue.status.rule.basis,
      documents: [{ name: '回执', ref: registrationNo }],
    });
    return complete(due(forwardDueAt));
  }
}
