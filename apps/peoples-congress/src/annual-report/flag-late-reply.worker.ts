import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { AnnualReportEntity } from './annual-report.entity';
import { recordOpinionTransfer } from './annual-report.service';

/** The bureau's reply to the deliberation opinions is late: flag it once and tell liaison. */
@Injectable()
@JobWorker({ type: JOB.flagLateReply })
export class FlagLateReplyWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const r = await manager.findOne(AnnualReportEntity, {
      where: { id: job.businessKey ?? '' },
      lock: { mode: 'pessimistic_write' },
    });
    if (!r) return fail(`annual report ${job.businessKey} not found`);
    if (r.status !== 'deliberated' || r.replyLateAt) return complete(); // replied, or flagged already
    await manager.update(AnnualReportEntity, { id: r.id }, { replyLateAt: new Date() });
    await recordOpinionTransfer(this.outbox, manager, r.id, {
      status: 'reply-overdue',
      overdue: true,
      documents: [{ name: '催报通知' }],
    });
    return complete();
  }
}
