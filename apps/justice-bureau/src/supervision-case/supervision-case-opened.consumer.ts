import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, PROCESS, SupervisionCaseChangedV1, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler, RetryableError } from '@oversight/messaging';
import { EngineClient, EngineUnavailableError } from '@oversight/workflow';
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
    let instanceId: string;
    try {
      const [existing] = await this.engine.findProcessInstances({
        businessKey: c.id,
        processDefinitionKey: PROCESS.supervisionCase,
      });
      instanceId =
        existing?.id ??
        (
          await this.engine.startProcess(PROCESS.supervisionCase, c.id, {
            caseId: c.id,
            agencyCode: c.agencyCode,
            filingDueAt: c.filingDueAt.toISOString(),
          })
        ).id;
    } catch (error) {
      if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
      throw error;
    }
    await manager.update(SupervisionCaseEntity, { id: c.id }, { processInstanceId: instanceId });
  }
}
