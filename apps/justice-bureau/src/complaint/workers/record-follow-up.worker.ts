import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { appendHistory } from '../complaint-history.util';
import { ComplaintEntity } from '../complaint.entity';
import { jobContext, text } from './complaint-job.util';

/** The follow-up visit (回访): what the complainant said, and their satisfaction if they gave it. */
@Injectable()
@JobWorker({ type: JOB.recordFollowUp })
export class RecordFollowUpWorker implements JobHandler {
  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    if (!complaint) return fail(`complaint ${job.businessKey} not found`);
    const result = text(vars.followUpResult) ?? '';
    const satisfaction = text(vars.satisfaction);
    await manager.update(
      ComplaintEntity,
      { id: complaint.id },
      {
        followedUpAt: new Date(),
        followUpResult: result,
        ...(satisfaction && !complaint.satisfaction ? { satisfaction } : {}),
      },
    );
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: 'followed-up',
      public: false,
      zh: `已回访：${result}`,
      en: `Follow-up visit done: ${result}`,
      actorOrg: 'sfj',
      sourceKey: `job:${job.id}`,
    });
    return complete();
  }
}
