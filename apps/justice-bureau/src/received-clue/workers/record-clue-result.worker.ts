import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueResultReportedV1, JOB, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ReceivedClueEntity } from '../received-clue.entity';
import { clueJobContext, recordTransfer, text } from './received-clue-job.util';

/** The head's decision, fed back to the sender as the final result; the transfer closes. */
@Injectable()
@JobWorker({ type: JOB.bureauRecordClueResult })
export class RecordClueResultWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue, vars } = await clueJobContext(job, manager);
    if (!clue) return fail(`received clue ${job.businessKey} not found`);
    if (clue.decidedAt) return complete();
    const result = text(vars.result);
    const conclusion = text(vars.conclusion);
    if (!result || !conclusion) return fail('no result or conclusion');
    const now = new Date();
    await manager.update(
      ReceivedClueEntity,
      { id: clue.id },
      { status: 'concluded', result, conclusion, decidedBy: text(vars.decidedBy), decidedAt: now },
    );
    await this.outbox.record<ClueResultReportedV1>(manager, {
      topic: TOPIC.bureauClueResultReported,
      subject: clue.id,
      data: {
        referralId: clue.id,
        senderOrg: clue.senderOrg,
        receiverOrg: 'sfj',
        outcome: 'concluded',
        result,
        conclusion,
        decidedAt: now.toISOString(),
      },
    });
    await recordTransfer(this.outbox, manager, clue, { status: 'concluded', closed: true });
    return complete();
  }
}
