import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnnualReportDeliberatedV1, EventEnvelope, PROCESS, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler, RetryableError } from '@oversight/messaging';
import { EngineClient, EngineUnavailableError } from '@oversight/workflow';
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
    let instanceId: string;
    try {
      const [existing] = await this.engine.findProcessInstances({
        businessKey: reportId,
        processDefinitionKey: PROCESS.annualReport,
      });
      instanceId =
        existing?.id ??
        (await this.engine.startProcess(PROCESS.annualReport, reportId, { reportId, replyDueAt })).id;
    } catch (error) {
      if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
      throw error;
    }
    await manager.update(AnnualReportEntity, { id: reportId }, { processInstanceId: instanceId });
  }
}
