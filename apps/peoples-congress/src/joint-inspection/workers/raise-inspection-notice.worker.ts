import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { InspectionFindingEntity, InspectionNoticeEntity } from '../joint-inspection.entity';
import { recordFindingTransfer } from '../inspection-transfer.util';
import { JointInspectionService } from '../joint-inspection.service';

/**
 * A rectification notice passed its deadline without a report: mark the finding overdue, raise the
 * 督办通知 once (unique per finding) and tell liaison the transfer is overdue.
 */
@Injectable()
@JobWorker({ type: JOB.raiseInspectionNotice })
export class RaiseInspectionNoticeWorker implements JobHandler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly inspections: JointInspectionService,
  ) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const f = await manager.findOne(InspectionFindingEntity, {
      where: { id: job.businessKey ?? '' },
      lock: { mode: 'pessimistic_write' },
    });
    if (!f) return fail(`inspection finding ${job.businessKey} not found`);
    if (f.status !== 'rectification-ordered' || !f.dueAt) return complete(); // reported meanwhile
    if (await manager.existsBy(InspectionNoticeEntity, { findingId: f.id })) return complete(); // raised already
    const noticeId = randomUUID();
    await manager.insert(InspectionNoticeEntity, {
      id: noticeId,
      findingId: f.id,
      agencyCode: f.agencyCode,
      dueAt: f.dueAt,
    });
    await manager.update(InspectionFindingEntity, { id: f.id }, { overdueAt: new Date() });
    await this.inspections.step(manager, f.id, 'overdue', { noticeId });
    await recordFindingTransfer(this.outbox, manager, f, {
      status: 'overdue',
      overdue: true,
      documents: [{ name: '督办通知', ref: noticeId }],
    });
    return complete();
  }
}
