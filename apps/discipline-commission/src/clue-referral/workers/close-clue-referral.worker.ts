import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB, TOPIC, TransferChangedV1, transferKey } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ClueReferralEntity } from '../clue-referral.entity';
import { referralJobContext, referralTransfer } from './referral-job.util';

/** Receipt, status and result are all in: the commission closes the referral (办结). */
@Injectable()
@JobWorker({ type: JOB.commissionCloseClueReferral })
export class CloseClueReferralWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { referral } = await referralJobContext(job, manager);
    if (!referral) return fail(`clue referral ${job.businessKey} not found`);
    if (referral.closedAt) return complete();
    const closedAt = new Date();
    await manager.update(ClueReferralEntity, { id: referral.id }, { status: 'closed', closedAt });
    const transfer = referralTransfer(referral, { status: 'closed', closed: true });
    await this.outbox.record<TransferChangedV1>(manager, {
      topic: TOPIC.transferChanged,
      subject: transferKey(transfer),
      data: transfer,
    });
    return complete();
  }
}
