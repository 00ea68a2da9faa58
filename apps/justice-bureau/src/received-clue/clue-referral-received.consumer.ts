import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  BODY,
  ClueReferralSentV1,
  EventEnvelope,
  missingClueReferralParts,
  PROCESS,
  TOPIC,
} from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler, RetryableError } from '@oversight/messaging';
import { EngineClient, EngineUnavailableError } from '@oversight/workflow';
import { ReceivedClueEntity } from './received-clue.entity';

/**
 * A clue the discipline commission referred to the bureau arrives: it is stored under the referral id and
 * its handling process started with that id as business key. A duplicated or replayed referral (same or
 * another envelope) finds the row and the instance already there: one clue, one process.
 */
@Injectable()
@HandlesEvent(TOPIC.commissionClueReferralSent)
export class ClueReferralReceivedConsumer implements KafkaEventHandler<ClueReferralSentV1> {
  constructor(private readonly engine: EngineClient) {}

  async handle(event: EventEnvelope<ClueReferralSentV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    if (r.receiverOrg !== BODY.justiceBureau) return;
    const missing = missingClueReferralParts({ ...r, evidenceCount: r.evidence.length });
    if (missing.length > 0) {
      // The sender checks this before approval; a referral lacking parts is a defect to look into (DLQ).
      throw new Error(`referral ${r.referralId} is incomplete: ${missing.map((m) => m.field).join(', ')}`);
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(ReceivedClueEntity)
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
    const clue = await manager.findOne(ReceivedClueEntity, {
      where: { id: r.referralId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!clue || clue.processInstanceId) return;
    let instanceId: string;
    try {
      const [existing] = await this.engine.findProcessInstances({
        businessKey: r.referralId,
        processDefinitionKey: PROCESS.bureauClueHandling,
      });
      instanceId =
        existing?.id ??
        (
          await this.engine.startProcess(PROCESS.bureauClueHandling, r.referralId, {
            referralId: r.referralId,
          })
        ).id;
    } catch (error) {
      if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
      throw error;
    }
    await manager.update(ReceivedClueEntity, { id: r.referralId }, { processInstanceId: instanceId });
  }
}
