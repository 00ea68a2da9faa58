import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintMisconductFoundV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { ClueReferralService } from '@oversight/clue-referral';

/**
 * Misconduct of officers found in a complaint's review: a referral draft for the clerk to complete (identity,
 * rank, evidence, legal basis, suggested disposal). One draft per complaint, however often the event comes.
 */
@Injectable()
@HandlesEvent(TOPIC.complaintMisconductFound)
export class ComplaintMisconductFoundConsumer implements KafkaEventHandler<ComplaintMisconductFoundV1> {
  constructor(private readonly referrals: ClueReferralService) {}

  async handle(event: EventEnvelope<ComplaintMisconductFoundV1>, manager: EntityManager): Promise<void> {
    const { complaintId, agencyOrg, officers, facts, foundAt } = event.data;
    await this.referrals.draft(manager, {
      sourceType: 'complaint',
      sourceRef: complaintId,
      subjects: officers.map((o) => ({
        name: o.name,
        ...(o.position ? { position: o.position } : {}),
        org: agencyOrg,
      })),
      facts,
      foundAt: new Date(foundAt),
      createdBy: null,
      autoSourceKey: `complaint:${complaintId}`,
    });
  }
}
