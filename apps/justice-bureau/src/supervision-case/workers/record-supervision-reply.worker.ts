import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { SUPERVISION_DEADLINE_RULES } from '../deadline-rules';
import { SupervisionRectificationEntity } from '../supervision-case.entity';
import { announce, recordTransfer } from '../supervision-case.util';
import { iso, supervisionJobContext } from './supervision-job.util';

/** The agency replied: the round's order is discharged (late or not) and the office's review is due. */
@Injectable()
@JobWorker({ type: JOB.recordSupervisionReply })
export class RecordSupervisionReplyWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { c, vars } = await supervisionJobContext(job, manager);
    if (!c) return fail(`supervision case ${job.businessKey} not found`);
    const reply = await manager.findOneBy(SupervisionRectificationEntity, {
      id: String(vars.rectificationId ?? ''),
      caseId: c.id,
    });
    if (!reply) return fail(`rectification reply ${String(vars.rectificationId)} not found`);
    let reviewDueAt = reply.reviewDueAt;
    if (!reviewDueAt) {
      reviewDueAt = dueAt(SUPERVISION_DEADLINE_RULES.rectificationReview, new Date());
      await manager.update(SupervisionRectificationEntity, { id: reply.id }, { reviewDueAt });
      await recordTransfer(manager, this.outbox, c, reply.round, {
        status: reply.late ? 'replied-late' : 'replied',
        closed: true,
        overdue: reply.late,
        documents: [{ name: '整改情况回复', ref: reply.id }],
      });
      await announce(manager, this.outbox, c);
    }
    return complete({ reviewDueAt: iso(reviewDueAt) });
  }
}
