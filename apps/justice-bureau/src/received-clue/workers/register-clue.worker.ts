import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueReceiptIssuedV1, JOB, TOPIC } from '@oversight/contracts';
import { beijingDate } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { documentNumber, nextDocumentSeq } from '@oversight/clue-referral';
import { ReceivedClueEntity } from '../received-clue.entity';
import { clueJobContext, recordTransfer } from './received-clue-job.util';

/** 登记: the clue gets the bureau's registration number and the sender its receipt (回执). */
@Injectable()
@JobWorker({ type: JOB.bureauRegisterClue })
export class RegisterClueWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue } = await clueJobContext(job, manager);
    if (!clue) return fail(`received clue ${job.businessKey} not found`);
    const due = { statusDueAt: clue.feedbackDue.status.dueAt, resultDueAt: clue.feedbackDue.result.dueAt };
    if (clue.registrationNo) return complete(due);
    const now = new Date();
    const year = beijingDate(now).slice(0, 4);
    const registrationNo = documentNumber(
      '阳司线登',
      year,
      await nextDocumentSeq(manager, 'justice_bureau', 'received-clue', year),
    );
    await manager.update(
      ReceivedClueEntity,
      { id: clue.id },
      { status: 'registered', registrationNo, registeredAt: now },
    );
    await this.outbox.record<ClueReceiptIssuedV1>(manager, {
      topic: TOPIC.bureauClueReceiptIssued,
      subject: clue.id,
      data: {
        referralId: clue.id,
        senderOrg: clue.senderOrg,
        receiverOrg: 'sfj',
        registrationNo,
        receivedAt: now.toISOString(),
      },
    });
    await recordTransfer(this.outbox, manager, clue, {
      status: 'received',
      dueAt: due.statusDueAt,
      basis: clue.feedbackDue.status.rule.basis,
      documents: [{ name: '回执', ref: registrationNo }],
    });
    return complete(due);
  }
}
