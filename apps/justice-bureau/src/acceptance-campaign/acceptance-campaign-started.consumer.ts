import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AcceptanceCampaignStartedV1, EventEnvelope, PROCESS, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { EngineClient, startProcessForEvent } from '@oversight/workflow';
import { AcceptanceCampaignEntity } from './acceptance-campaign.entity';

/**
 * Starts the campaign's process: one instance, business key = campaign id, with a parallel
 * multi-instance sub-process over the participating units. A redelivered event finds the instance
 * it already started (by business key) instead of starting a second one.
 */
@Injectable()
@HandlesEvent(TOPIC.acceptanceCampaignStarted)
export class AcceptanceCampaignStartedConsumer implements KafkaEventHandler<AcceptanceCampaignStartedV1> {
  constructor(private readonly engine: EngineClient) {}

  async handle(event: EventEnvelope<AcceptanceCampaignStartedV1>, manager: EntityManager): Promise<void> {
    const { campaignId, year, units, calendar, passScore } = event.data;
    const campaign = await manager.findOne(AcceptanceCampaignEntity, {
      where: { id: campaignId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!campaign) throw new Error(`acceptance campaign ${campaignId} does not exist`);
    if (campaign.processInstanceId) return;
    const instanceId = await startProcessForEvent(this.engine, PROCESS.acceptanceCampaign, campaignId, {
      campaignId,
      year,
      // One code per line: the model turns it into the multi-instance collection.
      unitCodes: units.join('\n'),
      passScore,
      ...calendar,
    });
    await manager.update(
      AcceptanceCampaignEntity,
      { id: campaignId },
      { processInstanceId: instanceId, status: 'running' },
    );
  }
}
