import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintAssignmentObjectedV1, JOB, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { appendHistory } from '../complaint-history.util';
import { ComplaintEntity } from '../complaint.entity';
import { jobContext, text } from './complaint-job.util';

/** The agency objected to the assignment (Art. 23): back to the justice bureau to assign again. */
@Injectable()
@JobWorker({ type: JOB.recordObjection })
export class RecordObjectionWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    if (!complaint || !complaint.agencyOrg) return fail(`complaint ${job.businessKey} not assigned`);
    const reason = text(vars.objectionReason) ?? '';
    const now = new Date();
    await manager.update(ComplaintEntity, { id: complaint.id }, { status: 'accepted' });
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: 'assignment-objected',
      public: false,
      zh: `承办单位对交办提出异议：${reason}`,
      en: `The agency objected to the assignment: ${reason}`,
      actorOrg: complaint.agencyOrg,
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintAssignmentObjectedV1>(manager, {
      topic: TOPIC.complaintAssignmentObjected,
      subject: complaint.id,
      data: {
        complaintId: complaint.id,
        agencyOrg: complaint.agencyOrg,
        reason,
        objectedAt: now.toISOString(),
      },
    });
    return complete({ objected: true });
  }
}
