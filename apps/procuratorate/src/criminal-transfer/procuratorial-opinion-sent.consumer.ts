import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, PROCESS, ProcuratorialOpinionSentV1, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { EngineClient, startProcessForEvent } from '@oversight/workflow';
import { ProcuratorialOpinionEntity } from './penalty-case.entity';

/** Starts the reply-tracking process of a 检察意见; idempotent by business key like the transfer's. */
@Injectable()
@HandlesEvent(TOPIC.procuratorialOpinionSent)
export class ProcuratorialOpinionSentConsumer implements KafkaEventHandler<ProcuratorialOpinionSentV1> {
  constructor(private readonly engine: EngineClient) {}

  async handle(event: EventEnvelope<ProcuratorialOpinionSentV1>, manager: EntityManager): Promise<void> {
    const { opinionId } = event.data;
    const o = await manager.findOne(ProcuratorialOpinionEntity, {
      where: { id: opinionId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!o) throw new Error(`procuratorial opinion ${opinionId} does not exist`);
    if (o.processInstanceId) return;
    const instanceId = await startProcessForEvent(this.engine, PROCESS.procuratorialOpinion, opinionId, {
      opinionId,
      agencyOrg: o.agencyOrg,
      dueAt: o.dueAt.toISOString(),
      escalateAt: o.escalateAt.toISOString(),
    });
    await manager.update(ProcuratorialOpinionEntity, { id: opinionId }, { processInstanceId: instanceId });
  }
}
