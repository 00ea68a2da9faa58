import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ClueEntity } from '../clue.entity';
import { clueJobContext } from './clue-job.util';

/**
 * The forwarding deadline (监察法实施条例 Art. 171, 5 working days) passed with the jurisdiction still
 * undecided: the clue is flagged overdue on the commission's own desk (案管 supervision).
 */
@Injectable()
@JobWorker({ type: JOB.commissionRaiseClueNotice })
export class RaiseClueNoticeWorker implements JobHandler {
  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue } = await clueJobContext(job, manager);
    if (!clue) return fail(`clue ${job.businessKey} not found`);
    if (!clue.jurisdiction && !clue.jurisdictionOverdueAt) {
      await manager.update(ClueEntity, { id: clue.id }, { jurisdictionOverdueAt: new Date() });
    }
    return complete();
  }
}
