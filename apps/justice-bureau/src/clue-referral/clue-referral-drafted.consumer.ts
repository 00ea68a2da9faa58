import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueReferralDraftedV1, EventEnvelope, PROCESS, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler, RetryableError } from '@oversight/messaging';
import { EngineClient, EngineUnavailableError } from '@oversight/workflow';
import { ClueReferralEntity } from './clue-referral.entity';

/**
 * Starts the sending process of a new draft. The business key is the referral id, so a redelivered
 * event finds the instance it already started instead of starting a second one.
 */
@Injectable()
@HandlesEvent(TOPIC.bureauClueReferralDrafted)
export class ClueReferralDraftedConsumer implements KafkaEventHandler<ClueReferralDraftedV1> {
  constructor(private readonly engine: EngineClient) {}

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
        processDefinitionKey: PROCESS.bureauClueReferralSending,
      });
      instanceId =
        existing?.id ??
        (
          await this.engine.startProcess(PROCESS.bureauClueReferralSending, referralId, {
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
