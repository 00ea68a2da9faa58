import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BODY, ClueResultReportedV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { InspectionFindingEntity } from './joint-inspection.entity';
import { JointInspectionService } from './joint-inspection.service';

/**
 * The discipline commission's final result (处置结果) on a clue the congress referred: kept on the finding
 * once (a unique step). The commission's results on the bureau's referrals are not ours.
 */
@Injectable()
@HandlesEvent(TOPIC.commissionClueResultReported)
export class ClueResultReportedConsumer implements KafkaEventHandler<ClueResultReportedV1> {
  constructor(private readonly inspections: JointInspectionService) {}

  async handle(event: EventEnvelope<ClueResultReportedV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    if (r.senderOrg !== BODY.peoplesCongress) return;
    const f = await manager.findOneBy(InspectionFindingEntity, { id: r.referralId });
    if (f?.disposition !== 'clue-referral') {
      throw new Error(
        `clue result for ${r.referralId}: no finding of the congress was referred under that id`,
      );
    }
    await this.inspections.step(manager, f.id, 'clue-result', {
      outcome: r.outcome,
      disposal: r.disposal ?? null,
      result: r.result ?? null,
      conclusion: r.conclusion,
      decidedAt: r.decidedAt,
    });
  }
}
