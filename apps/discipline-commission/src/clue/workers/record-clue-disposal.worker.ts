import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLUE_DISPOSALS, ClueDisposal, ClueStatusReportedV1, JOB, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ClueEntity } from '../clue.entity';
import { clueJobContext, partiesOf, recordTransfer } from './clue-job.util';

/** The disposal chosen (谈话函询、初步核实、暂存待查、予以了结): the sender is told which, not why. */
@Injectable()
@JobWorker({ type: JOB.commissionRecordClueDisposal })
export class RecordClueDisposalWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue, vars } = await clueJobContext(job, manager);
    if (!clue) return fail(`clue ${job.businessKey} not found`);
    const disposal = vars.disposal as ClueDisposal;
    if (!(disposal in CLUE_DISPOSALS)) return fail(`invalid disposal ${String(disposal)}`);
    if (clue.disposal) return complete();
    const now = new Date();
    await manager.update(
      ClueEntity,
      { id: clue.id },
      { status: 'disposal-chosen', disposal, disposalChosenAt: now },
    );
    await this.outbox.record<ClueStatusReportedV1>(manager, {
      topic: TOPIC.commissionClueStatusReported,
      subject: clue.id,
      data: { ...partiesOf(clue), status: 'disposal-chosen', disposal, reportedAt: now.toISOString() },
    });
    await recordTransfer(this.outbox, manager, clue, {
      status: `disposal:${disposal}`,
      dueAt: clue.feedbackDue.result.dueAt,
    });
    return complete();
  }
}
