import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, PROCESS, ProcuratorialOpinionSentV1, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler, RetryableError } from '@oversight/messaging';
import { EngineClient, EngineUnavailableError } from '@oversight/workflow';
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
    let instanceId: string;
    try {
      const [existing] = await this.engine.findProcessInstances({
        businessKey: opinionId,
        processDefinitionKey: PROCESS.procuratorialOpinion,
      });
      instanceId =
        existing?.id ??
        (
          await this.engine.startProcess(PROCESS.procuratorialOpinion, opinionId, {
            opinionId,
            agencyOrg: o.agencyOrg,
            dueAt: o.dueAt.toISOString(),
            escalateAt: o.escalateAt.toISOString(),
          })
        ).id;
    } catch (error) {
      if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
      throw error;
    }
    await manager.update(ProcuratorialOpinionEntity, { id: opinionId }, { processInstanceId: instanceId });
  }
}
