import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueReferralSentV1, EventEnvelope, missingClueReferralParts } from '@oversight/contracts';
import { KafkaEventHandler } from '@oversight/messaging';
import { EngineClient, startProcessForEvent } from '@oversight/workflow';
import { CLUE_RECEIVER, ClueReceiver } from './clue-receiver';

/**
 * A clue referred to the receiver arrives: it is stored under the referral id and
 * its handling process started with that id as business key. A duplicated or replayed referral (same or
 * another envelope) finds the row and the instance already there: one clue, one process.
 */
@Injectable()
export class ClueReferralReceivedConsumer implements KafkaEventHandler<ClueReferralSentV1> {
  constructor(
    private readonly engine: EngineClient,
    @Inject(CLUE_RECEIVER) private readonly receiver: ClueReceiver,
  ) {}

  async handle(event: EventEnvelope<ClueReferralSentV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    if (r.receiverOrg !== this.receiver.org) return;
    const missing = missingClueReferralParts({ ...r, evidenceCount: r.evidence.length });
    if (missing.length > 0) {
      // The sender checks this before approval; a referral lacking parts is a defect to look into (DLQ).
      throw new Error(`referral ${r.referralId} is incomplete: ${missing.map((m) => m.field).join(', ')}`);
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(this.receiver.clueEntity)
      .values({
        id: r.referralId,
        senderOrg: r.senderOrg,
        referenceNo: r.referenceNo,
        sourceType: r.sourceType,
        sourceRef: r.sourceRef,
        subjects: r.subjects as never,
        facts: r.facts,
        legalBasis: r.legalBasis,
        suggestedDisposal: r.suggestedDisposal,
        evidence: r.evidence as never,
        sentAt: new Date(r.sentAt),
        feedbackDue: r.feedbackDue as never,
        status: 'received',
      })
      .orIgnore()
      .execute();
    const clue = await manager.findOne(this.receiver.clueEntity, {
      where: { id: r.referralId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!clue || clue.processInstanceId) return;
    const instanceId = await startProcessForEvent(this.engine, this.receiver.process, r.referralId, {
      referralId: r.referralId,
    });
    await manager.update(this.receiver.clueEntity, { id: r.referralId }, { processInstanceId: instanceId });
  }
}
