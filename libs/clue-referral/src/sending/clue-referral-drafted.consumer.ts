import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueReferralDraftedV1, EventEnvelope } from '@oversight/contracts';
import { KafkaEventHandler } from '@oversight/messaging';
import { EngineClient, startProcessForEvent } from '@oversight/workflow';
import { ClueReferralEntity } from './clue-referral.entity';
import { CLUE_REFERRAL_SENDER, ClueReferralSender } from './clue-referral-sender';

/**
 * Starts the sending process of a new draft. The business key is the referral id, so a redelivered
 * event finds the instance it already started instead of starting a second one.
 */
@Injectable()
export class ClueReferralDraftedConsumer implements KafkaEventHandler<ClueReferralDraftedV1> {
  constructor(
    private readonly engine: EngineClient,
    @Inject(CLUE_REFERRAL_SENDER) private readonly sender: ClueReferralSender,
  ) {}

  async handle(event: EventEnvelope<ClueReferralDraftedV1>, manager: EntityManager): Promise<void> {
    const { referralId, sendDueAt } = event.data;
    const referral = await manager.findOne(ClueReferralEntity, {
      where: { id: referralId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!referral) throw new Error(`clue referral ${referralId} does not exist`);
    if (referral.processInstanceId) return;
    const instanceId = await startProcessForEvent(this.engine, this.sender.process, referralId, {
      referralId,
      sendDueAt,
    });
    await manager.update(ClueReferralEntity, { id: referralId }, { processInstanceId: instanceId });
  }
}
