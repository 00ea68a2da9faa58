import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ComplaintEntity } from '../complaint.entity';
import { jobContext } from './complaint-job.util';

/** The objection window's timer fired: from now on the agency must handle what it was given. */
@Injectable()
@JobWorker({ type: JOB.closeObjectionWindow })
export class CloseObjectionWindowWorker implements JobHandler {
  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint } = await jobContext(job, manager);
    if (!complaint) return fail(`complaint ${job.businessKey} not found`);
    await manager.update(ComplaintEntity, { id: complaint.id }, { objectionClosed: true });
    return complete();
  }
}
