import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueReferralSentV1, ClueSubject, TOPIC, TransferChangedV1, transferKey } from '@oversight/contracts';
import { beijingDate } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, LockedJob } from '@oversight/workflow';
import { ClueReferralEntity } from '../clue-referral.entity';
import { ClueReferralEvidenceEntity } from '../clue-referral-records.entity';
import { documentNumber, nextDocumentSeq } from '../../process-step.util';
import { CLUE_REFERRAL_SENDER, ClueReferralSender } from '../clue-referral-sender';
import { referralJobContext, referralTransfer } from './referral-job.util';

/** 移送: numbers the letter and sends it with its evidence list; liaison's register opens the transfer. */
@Injectable()
export class SendClueReferralWorker implements JobHandler {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(CLUE_REFERRAL_SENDER) private readonly sender: ClueReferralSender,
  ) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { referral } = await referralJobContext(job, manager);
    if (!referral) return fail(`clue referral ${job.businessKey} not found`);
    if (referral.sentAt) return complete(); // sent already
    const schedule = referral.feedbackSchedule;
    if (referral.status !== 'approved' || !schedule)
      return fail(`clue referral ${referral.id} is not approved`);
    const sentAt = new Date();
    const year = beijingDate(sentAt).slice(0, 4);
    const referenceNo = documentNumber(
      this.sender.referencePrefix,
      year,
      await nextDocumentSeq(manager, this.sender.schema, 'clue-referral', year),
    );
    await manager.update(ClueReferralEntity, { id: referral.id }, { status: 'sent', referenceNo, sentAt });
    const sent = { ...referral, referenceNo, sentAt };
    const evidence = await manager.find(ClueReferralEvidenceEntity, {
      where: { referralId: referral.id },
      order: { itemNo: 'ASC' },
    });
    await this.outbox.record<ClueReferralSentV1>(manager, {
      topic: this.sender.topics.sent,
      subject: referral.id,
      data: {
        referralId: referral.id,
        referenceNo,
        senderOrg: this.sender.org,
        receiverOrg: referral.receiverOrg,
        sourceType: referral.sourceType,
        sourceRef: referral.sourceRef,
        subjects: referral.subjects as ClueSubject[],
        facts: referral.facts ?? '',
        legalBasis: referral.legalBasis ?? '',
        suggestedDisposal: referral.suggestedDisposal ?? '',
        evidence: evidence.map((e) => ({
          itemNo: e.itemNo,
          description: e.description,
          ...(e.filename
            ? { filename: e.filename, contentType: e.contentType ?? undefined, size: e.size ?? undefined }
            : {}),
          ...(e.sha256 ? { sha256: e.sha256 } : {}),
        })),
        approvedBy: referral.approvedBy,
        sentAt: sentAt.toISOString(),
        feedbackDue: {
          receipt: { dueAt: schedule.receipt.dueAt, rule: schedule.receipt.rule },
          status: { dueAt: schedule.status.dueAt, rule: schedule.status.rule },
          result: { dueAt: schedule.result.dueAt, rule: schedule.result.rule },
        },
      },
    });
    const transfer = referralTransfer(this.sender, sent, {
      status: 'sent',
      dueAt: schedule.receipt.dueAt,
      basis: schedule.receipt.rule.basis,
      documents: [{ name: '问题线索移送函', ref: referenceNo }],
    });
    await this.outbox.record<TransferChangedV1>(manager, {
      topic: TOPIC.transferChanged,
      subject: transferKey(transfer),
      data: transfer,
    });
    return complete({ referenceNo });
  }
}
