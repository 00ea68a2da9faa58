import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  ComplaintProcessStartedV1,
  ComplaintRegisteredV1,
  EventEnvelope,
  PROCESS,
  TOPIC,
} from '@oversight/contracts';
import { runStatements, updateStatement } from '@oversight/database';
import { HandlesEvent, KafkaEventHandler, OutboxService } from '@oversight/messaging';
import { EngineClient, startProcessesForEvents } from '@oversight/workflow';
import { ComplaintEntity } from './complaint.entity';

/** Starts per engine call: one engine transaction each (a batch holds up to 100 events). */
const STARTS_PER_CALL = 25;

/**
 * Starts the complaint-handling process for a registered complaint. The business key is the complaint
 * id, and the engine starts a process once per business key, so a redelivered event finds the instance
 * it already started instead of starting a second one. Under load, the events that arrive together are
 * taken together: one lock query, their process starts in engine transactions of up to 25, one round
 * trip for the writes.
 */
@Injectable()
@HandlesEvent(TOPIC.complaintRegistered)
export class ComplaintRegisteredConsumer implements KafkaEventHandler<ComplaintRegisteredV1> {
  constructor(
    private readonly engine: EngineClient,
    private readonly outbox: OutboxService,
  ) {}

  handle(event: EventEnvelope<ComplaintRegisteredV1>, manager: EntityManager): Promise<void> {
    return this.handleBatch([event], manager);
  }

  async handleBatch(events: EventEnvelope<ComplaintRegisteredV1>[], manager: EntityManager): Promise<void> {
    const ids = events.map((e) => e.data.complaintId);
    const complaints = await manager.find(ComplaintEntity, {
      select: { id: true, processInstanceId: true },
      where: { id: In(ids) },
      lock: { mode: 'pessimistic_write' },
    });
    const byId = new Map(complaints.map((c) => [c.id, c]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing) throw new Error(`complaint ${missing} does not exist`);
    // One start per complaint still without its process, even if two of its events came in one batch.
    const seen = new Set<string>();
    const waiting = events.filter(({ data: { complaintId } }) => {
      if (byId.get(complaintId)!.processInstanceId || seen.has(complaintId)) return false;
      seen.add(complaintId);
      return true;
    });
    const started: string[] = [];
    for (let i = 0; i < waiting.length; i += STARTS_PER_CALL) {
      started.push(
        ...(await startProcessesForEvents(
          this.engine,
          PROCESS.complaintHandling,
          waiting
            .slice(i, i + STARTS_PER_CALL)
            .map(({ data: { complaintId, acceptanceDueAt, respondentOrg, category } }) => ({
              businessKey: complaintId,
              variables: { complaintId, acceptanceDueAt, respondentOrg, category },
            })),
        )),
      );
    }
    await runStatements(
      manager,
      waiting.flatMap(({ data: { complaintId } }, i) => [
        updateStatement(
          manager,
          ComplaintEntity,
          { id: complaintId },
          { processInstanceId: started[i]!, status: 'in-review' },
        ),
        this.outbox.prepare<ComplaintProcessStartedV1>(manager, {
          topic: TOPIC.complaintProcessStarted,
          subject: complaintId,
          data: { complaintId, processInstanceId: started[i]! },
        }).statement,
      ]),
    );
  }
}
