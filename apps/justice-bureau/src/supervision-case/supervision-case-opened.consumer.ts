import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, PROCESS, SupervisionCaseChangedV1, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { EngineClient, startProcessForEvent } from '@oversight/workflow';
import { SupervisionCaseEntity } from './supervision-case.entity';
import { lockCase } from './supervision-case.util';

/**
 * Starts a new case's process (business key = case id) once its opening is announced. A repeated event
 * finds the case's instance (by business key) instead of starting a second one; later changes are ignored.
 */
@Injectable()
@HandlesEvent(TOPIC.supervisionCaseChanged)
export class SupervisionCaseOpenedConsumer implements KafkaEventHandler<SupervisionCaseChangedV1> {
  constructor(private readonly engine: EngineClient) {}

  async handle(event: EventEnvelope<SupervisionCaseChangedV1>, manager: EntityManager): Promise<void> {
    if (event.data.status !== 'filing-review') return;
    const c = await lockCase(manager, event.data.caseId);
    if (!c) throw new Error(`supervision case ${event.data.caseId} does not exist`);
    if (c.processInstanceId) return;
    const instanceId = await startProcessForEvent(this.engine, PROCESS.supervisionCase, c.id, {
      caseId: c.id,
      agencyCode: c.agencyCode,
      filingDueAt: c.filingDueAt.toISOString(),
    });
    await manager.update(SupervisionCaseEntity, { id: c.id }, { processInstanceId: instanceId });
  }
}
