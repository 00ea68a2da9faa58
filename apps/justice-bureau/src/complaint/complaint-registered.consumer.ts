import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ComplaintProcessStartedV1,
  ComplaintRegisteredV1,
  EventEnvelope,
  PROCESS,
  TOPIC,
} from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler, OutboxService, RetryableError } from '@oversight/messaging';
import { EngineClient, EngineUnavailableError } from '@oversight/workflow';
import { ComplaintEntity } from './complaint.entity';

/**
 * Starts the complaint-handling process for a registered complaint. The business key is the complaint
 * id, so a redelivered event finds the instance it already started instead of starting a second one.
 */
@Injectable()
@HandlesEvent(TOPIC.complaintRegistered)
export class ComplaintRegisteredConsumer implements KafkaEventHandler<ComplaintRegisteredV1> {
  constructor(
    private readonly engine: EngineClient,
    private readonly outbox: OutboxService,
  ) {}

  async handle(event: EventEnvelope<ComplaintRegisteredV1>, manager: EntityManager): Promise<void> {
    const { complaintId, acceptanceDueAt, respondentOrg, category } = event.data;
    const complaint = await manager.findOne(ComplaintEntity, {
      where: { id: complaintId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!complaint) throw new Error(`complaint ${complaintId} does not exist`);
    if (complaint.processInstanceId) return;
    let instanceId: string;
    try {
      const [existing] = await this.engine.findProcessInstances({
        businessKey: complaintId,
        processDefinitionKey: PROCESS.complaintHandling,
      });
      instanceId =
        existing?.id ??
        (
          await this.engine.startProcess(PROCESS.complaintHandling, complaintId, {
            complaintId,
            acceptanceDueAt,
            respondentOrg,
            category,
          })
        ).id;
    } catch (error) {
      if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
      throw error;
    }
    await manager.update(
      ComplaintEntity,
      { id: complaintId },
      { processInstanceId: instanceId, status: 'in-review' },
    );
    await this.outbox.record<ComplaintProcessStartedV1>(manager, {
      topic: TOPIC.complaintProcessStarted,
      subject: complaintId,
      data: { complaintId, processInstanceId: instanceId },
    });
  }
}
