import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { AcceptanceSelfCheckEntity } from '../acceptance-campaign.entity';
import { moveStage } from '../acceptance-stage.util';
import { acceptanceJobContext, idOf } from './acceptance-job.util';

/** The unit's self-check is in: its own score goes on the board and it waits for the acceptance team. */
@Injectable()
@JobWorker({ type: JOB.recordSelfCheck })
export class RecordSelfCheckWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { campaign, unit, vars } = await acceptanceJobContext(job, manager);
    if (!campaign || !unit) return fail(`campaign ${job.businessKey} or its unit not found`);
    const check = await manager.findOneBy(AcceptanceSelfCheckEntity, { id: idOf(vars.selfCheckId) ?? '' });
    if (!check) return fail(`self-check ${String(vars.selfCheckId)} not found`);
    await moveStage(manager, this.outbox, unit, 'awaiting-acceptance', ['self-check'], {
      selfCheckSubmittedAt: check.submittedAt,
      selfScore: check.sheet.percent,
    });
    return complete();
  }
}
