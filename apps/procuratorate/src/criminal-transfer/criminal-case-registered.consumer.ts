import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CriminalCaseRegisteredV1, EventEnvelope, PROCESS, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { EngineClient, startProcessForEvent } from '@oversight/workflow';
import { CriminalTransferEntity } from './criminal-transfer.entity';

/**
 * Starts the handoff process of a registered case. The business key is the transfer id, so a redelivered
 * event finds the instance it already started instead of starting a second one.
 */
@Injectable()
@HandlesEvent(TOPIC.criminalCaseRegistered)
export class CriminalCaseRegisteredConsumer implements KafkaEventHandler<CriminalCaseRegisteredV1> {
  constructor(private readonly engine: EngineClient) {}

  async handle(event: EventEnvelope<CriminalCaseRegisteredV1>, manager: EntityManager): Promise<void> {
    const { caseId } = event.data;
    const t = await manager.findOne(CriminalTransferEntity, {
      where: { id: caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!t) throw new Error(`criminal transfer ${caseId} does not exist`);
    if (t.processInstanceId) return;
    const instanceId = await startProcessForEvent(this.engine, PROCESS.criminalTransfer, caseId, {
      transferId: caseId,
      agencyOrg: t.agencyOrg,
      policeOrg: t.policeOrg,
      dueAt: t.dueAt?.toISOString() ?? null,
      escalateAt: t.escalateAt?.toISOString() ?? null,
    });
    await manager.update(CriminalTransferEntity, { id: caseId }, { processInstanceId: instanceId });
  }
}
