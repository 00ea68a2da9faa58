import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueResultReportedV1, JOB, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ClueEntity } from '../clue.entity';
import { clueJobContext, partiesOf, recordTransfer, text } from './clue-job.util';

/** The decision, fed back to the sender as the final result (disposal and outcome); the transfer closes. */
@Injectable()
@JobWorker({ type: JOB.commissionRecordClueResult })
export class RecordClueResultWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue, vars } = await clueJobContext(job, manager);
    if (!clue) return fail(`clue ${job.businessKey} not found`);
    if (clue.decidedAt) return complete();
    const result = text(vars.result);
    const conclusion = text(vars.conclusion);
    if (!result || !conclusion || !clue.disposal) return fail('no result, conclusion or disposal');
    const now = new Date();
    await manager.update(
      ClueEntity,
      { id: clue.id },
      { status: 'concluded', result, conclusion, decidedBy: text(vars.decidedBy), decidedAt: now },
    );
    await this.outbox.record<ClueResultReportedV1>(manager, {
      topic: TOPIC.commissionClueResultReported,
      subject: clue.id,
      data: {
        ...partiesOf(clue),
        outcome: 'concluded',
        disposal: clue.disposal,
        result,
        conclusion,
        decidedAt: now.toISOString(),
      },
    });
    await recordTransfer(this.outbox, manager, clue, { status: 'concluded', closed: true });
    return complete();
  }
}
