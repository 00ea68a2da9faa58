import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintClosedV1, JOB, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { appendHistory } from '../complaint-history.util';
import { AppealEntity } from '../complaint-records.entity';
import { ComplaintEntity } from '../complaint.entity';
import { jobContext } from './complaint-job.util';

/** 办结: the follow-up is done and the appeal windows have closed or the appeals are decided. */
@Injectable()
@JobWorker({ type: JOB.closeComplaint })
export class CloseComplaintWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint } = await jobContext(job, manager);
    if (!complaint) return fail(`complaint ${job.businessKey} not found`);
    const revised = await manager.existsBy(AppealEntity, { complaintId: complaint.id, decision: 'revise' });
    const outcome = revised
      ? 'revised-on-appeal'
      : complaint.substantiated
        ? 'substantiated'
        : 'unsubstantiated';
    const now = new Date();
    await manager.update(
      ComplaintEntity,
      { id: complaint.id },
      { status: 'closed', closedAt: now, outcome, overdueAt: null },
    );
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: 'closed',
      public: true,
      zh: '投诉已办结。',
      en: 'The complaint is closed.',
      actorOrg: 'sfj',
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintClosedV1>(manager, {
      topic: TOPIC.complaintClosed,
      subject: complaint.id,
      data: {
        complaintId: complaint.id,
        agencyOrg: complaint.agencyOrg,
        outcome,
        closedAt: now.toISOString(),
      },
    });
    return complete();
  }
}
