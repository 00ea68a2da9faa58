import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnnualReportDeliberatedV1, EventEnvelope, PROCESS, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { EngineClient, startProcessForEvent } from '@oversight/workflow';
import { AnnualReportEntity } from './annual-report.entity';

/** Starts the process that waits for the bureau's reply; idempotent by business key (report id). */
@Injectable()
@HandlesEvent(TOPIC.annualReportDeliberated)
export class AnnualReportDeliberatedConsumer implements KafkaEventHandler<AnnualReportDeliberatedV1> {
  constructor(private readonly engine: EngineClient) {}

  async handle(event: EventEnvelope<AnnualReportDeliberatedV1>, manager: EntityManager): Promise<void> {
    const { reportId, replyDueAt } = event.data;
    const r = await manager.findOne(AnnualReportEntity, {
      where: { id: reportId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!r) throw new Error(`annual report ${reportId} does not exist`);
    if (r.processInstanceId) return;
    const instanceId = await startProcessForEvent(this.engine, PROCESS.annualReport, reportId, {
      reportId,
      replyDueAt,
    });
    await manager.update(AnnualReportEntity, { id: reportId }, { processInstanceId: instanceId });
  }
}
