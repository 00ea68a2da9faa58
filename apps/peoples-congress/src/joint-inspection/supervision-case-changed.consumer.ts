import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, SUPERVISION_SOURCE, SupervisionCaseChangedV1, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler, OutboxService } from '@oversight/messaging';
import { InspectionFindingEntity } from './joint-inspection.entity';
import { recordFindingTransfer } from './inspection-transfer.util';
import { JointInspectionService } from './joint-inspection.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The justice bureau's supervision case opened from one of our findings moved: the finding follows it.
 * Each case status is recorded once per finding (a unique step), so a repeated event, even under a new
 * envelope id, changes nothing; a closed finding only keeps the history.
 */
@Injectable()
@HandlesEvent(TOPIC.supervisionCaseChanged)
export class SupervisionCaseChangedConsumer implements KafkaEventHandler<SupervisionCaseChangedV1> {
  private readonly logger = new Logger(SupervisionCaseChangedConsumer.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly inspections: JointInspectionService,
  ) {}

  async handle(event: EventEnvelope<SupervisionCaseChangedV1>, manager: EntityManager): Promise<void> {
    const c = event.data;
    if (c.source !== SUPERVISION_SOURCE.jointInspection) return; // other sources' cases
    const f = UUID.test(c.sourceRef)
      ? await manager.findOne(InspectionFindingEntity, {
          where: { id: c.sourceRef },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
    if (!f || f.disposition !== 'supervision-case') {
      this.logger.warn(`supervision case ${c.caseNumber}: no finding ${c.sourceRef} awaits a case`);
      return;
    }
    const fresh = await this.inspections.step(manager, f.id, `supervision:${c.status}`, {
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      correctionOrdered: c.correctionOrdered ?? null,
      rectified: c.rectified ?? null,
    });
    if (!fresh || f.closedAt) return;
    const closedAt = c.closed ? new Date() : null;
    await manager.update(
      InspectionFindingEntity,
      { id: f.id },
      {
        status: `supervision-${c.status}`,
        supervisionCaseNumber: c.caseNumber,
        supervisionCaseStatus: c.status,
        closedAt,
      },
    );
    await recordFindingTransfer(this.outbox, manager, f, {
      status: `supervision-${c.status}`,
      closed: c.closed,
      documents: [{ name: `行政执法监督案件 ${c.caseNumber}` }],
    });
  }
}
