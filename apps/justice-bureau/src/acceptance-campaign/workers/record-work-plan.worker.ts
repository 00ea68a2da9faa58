import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { AcceptanceWorkPlanEntity } from '../acceptance-campaign.entity';
import { LEADING_GROUP_OFFICE, moveStage, recordTransfer, submissionRef } from '../acceptance-stage.util';
import { acceptanceJobContext, idOf } from './acceptance-job.util';

/** The unit's work plan is in: the unit moves on to the creation period. A late plan closes its 督办. */
@Injectable()
@JobWorker({ type: JOB.recordWorkPlan })
export class RecordWorkPlanWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { campaign, unit, vars } = await acceptanceJobContext(job, manager);
    if (!campaign || !unit) return fail(`campaign ${job.businessKey} or its unit not found`);
    const plan = await manager.findOneBy(AcceptanceWorkPlanEntity, { id: idOf(vars.workPlanId) ?? '' });
    if (!plan) return fail(`work plan ${String(vars.workPlanId)} not found`);
    const moved = await moveStage(manager, this.outbox, unit, 'creation', ['work-plan'], {
      workPlanSubmittedAt: plan.submittedAt,
    });
    if (moved && unit.lateWindows.includes('work-plan')) {
      await recordTransfer(manager, this.outbox, {
        ...submissionRef(campaign.id, unit.unitCode, 'work-plan'),
        sender: unit.unitCode,
        receiver: LEADING_GROUP_OFFICE,
        status: 'submitted-late',
        closed: true,
        documents: [{ name: `工作方案：${plan.title}`, ref: plan.id }],
      });
    }
    return complete();
  }
}
