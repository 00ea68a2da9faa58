import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TOPIC, TransferChangedV1, transferKey } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, LockedJob } from '@oversight/workflow';
import { ClueReferralEntity } from '../clue-referral.entity';
import { CLUE_REFERRAL_SENDER, ClueReferralSender } from '../clue-referral-sender';
import { referralJobContext, referralTransfer } from './referral-job.util';

/** Receipt, status and result are all in: the sender closes the referral (办结). */
@Injectable()
export class CloseClueReferralWorker implements JobHandler {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(CLUE_REFERRAL_SENDER) private readonly sender: ClueReferralSender,
  ) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { referral } = await referralJobContext(job, manager);
    if (!referral) return fail(`clue referral ${job.businessKey} not found`);
    if (referral.closedAt) return complete();
    const closedAt = new Date();
    await manager.update(ClueReferralEntity, { id: referral.id }, { status: 'closed', closedAt });
    const transfer = referralTransfer(this.sender, referral, { status: 'closed', closed: true });
    await this.outbox.record<TransferChangedV1>(manager, {
      topic: TOPIC.transferChanged,
      subject: transferKey(transfer),
      data: transfer,
    });
    return complete();
  }
}
