import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { AcceptanceCampaignEntity } from '../acceptance-campaign.entity';
import { moveStage } from '../acceptance-stage.util';
import { acceptanceJobContext } from './acceptance-job.util';

/**
 * A window of the campaign calendar opened (its timer fired): the self-check for a unit, the acceptance
 * inspection for a unit, or the summary for the campaign. The unit's stage is the window's state that
 * the API checks submissions against.
 */
@Injectable()
@JobWorker({ type: JOB.advanceAcceptanceStage })
export class AdvanceAcceptanceStageWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { campaign, unit } = await acceptanceJobContext(job, manager);
    if (!campaign) return fail(`acceptance campaign ${job.businessKey} not found`);
    if (job.activityId === 'open-summary') {
      if (campaign.status === 'running') {
        await manager.update(AcceptanceCampaignEntity, { id: campaign.id }, { status: 'summary' });
      }
      return complete();
    }
    if (!unit) return fail(`no participating unit in the variables of job ${job.id}`);
    if (job.activityId === 'open-self-check') {
      await moveStage(manager, this.outbox, unit, 'self-check', ['work-plan', 'creation']);
      return complete();
    }
    if (job.activityId === 'open-inspection') {
      await moveStage(manager, this.outbox, unit, 'inspection', ['self-check', 'awaiting-acceptance']);
      return complete();
    }
    return fail(`no stage defined for activity ${job.activityId}`);
  }
}
