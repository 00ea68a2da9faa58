import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, InspectionRectificationOrderedV1, PROCESS, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler, RetryableError } from '@oversight/messaging';
import { EngineClient, EngineUnavailableError } from '@oversight/workflow';
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
    let instanceId: string;
    try {
      const [existing] = await this.engine.findProcessInstances({
        businessKey: findingId,
        processDefinitionKey: PROCESS.jointInspection,
      });
      instanceId =
        existing?.id ??
        (await this.engine.startProcess(PROCESS.jointInspection, findingId, { findingId, agencyCode, dueAt }))
          .id;
    } catch (error) {
      if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
      throw error;
    }
    await manager.update(InspectionFindingEntity, { id: findingId }, { processInstanceId: instanceId });
  }
}
