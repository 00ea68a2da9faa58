import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintOverdueV1, JOB, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ComplaintEntity } from './complaint.entity';

/** The acceptance deadline passed with the review still open: mark the complaint overdue (督办). */
@Injectable()
@JobWorker({ type: JOB.raiseOverdueNotice })
export class RaiseOverdueNoticeWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const complaintId = job.businessKey ?? '';
    const complaint = await manager.findOneBy(ComplaintEntity, { id: complaintId });
    // No catching event here: a missing complaint is an anomaly for an admin, so it becomes an incident.
    if (!complaint) return fail(`complaint ${complaintId} not found`);
    const detectedAt = new Date();
    await manager.update(ComplaintEntity, { id: complaintId }, { overdueAt: detectedAt });
    await this.outbox.record<ComplaintOverdueV1>(manager, {
      topic: TOPIC.complaintOverdue,
      subject: complaintId,
      data: {
        complaintId,
        stage: 'acceptance',
        dueAt: complaint.acceptanceDueAt.toISOString(),
        detectedAt: detectedAt.toISOString(),
      },
    });
    return complete();
  }
}
