import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, InspectionRectificationOrderedV1, PROCESS, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { EngineClient, startProcessForEvent } from '@oversight/workflow';
import { InspectionFindingEntity } from './joint-inspection.entity';

/**
 * Starts the process that waits for the agency's rectification report and raises 督办 at the deadline.
 * A redelivered event finds the instance it started (by business key = finding id).
 */
@Injectable()
@HandlesEvent(TOPIC.inspectionRectificationOrdered)
export class InspectionRectificationOrderedConsumer
  implements KafkaEventHandler<InspectionRectificationOrderedV1>
{
  constructor(private readonly engine: EngineClient) {}

  async handle(
    event: EventEnvelope<InspectionRectificationOrderedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const { findingId, agencyCode, dueAt } = event.data;
    const f = await manager.findOne(InspectionFindingEntity, {
      where: { id: findingId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!f) throw new Error(`inspection finding ${findingId} does not exist`);
    if (f.processInstanceId) return;
    const instanceId = await startProcessForEvent(this.engine, PROCESS.jointInspection, findingId, {
      findingId,
      agencyCode,
      dueAt,
    });
    await manager.update(InspectionFindingEntity, { id: findingId }, { processInstanceId: instanceId });
  }
}
