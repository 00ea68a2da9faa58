import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueReferralDraftedV1, EventEnvelope } from '@oversight/contracts';
import { KafkaEventHandler, RetryableError } from '@oversight/messaging';
import { EngineClient, EngineUnavailableError } from '@oversight/workflow';
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
    let instanceId: string;
    try {
      const [existing] = await this.engine.findProcessInstances({
        businessKey: referralId,
        processDefinitionKey: this.sender.process,
      });
      instanceId =
        existing?.id ??
        (
          await this.engine.startProcess(this.sender.process, referralId, {
            referralId,
            sendDueAt,
          })
        ).id;
    } catch (error) {
      if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
      throw error;
    }
    await manager.update(ClueReferralEntity, { id: referralId }, { processInstanceId: instanceId });
  }
}
