import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { AcceptanceRectificationEntity } from '../acceptance-campaign.entity';
import { LEADING_GROUP_OFFICE, moveStage, rectificationRef, recordTransfer } from '../acceptance-stage.util';
import { acceptanceJobContext, idOf } from './acceptance-job.util';

/** The unit reported its rectification: the order is discharged and the team re-inspects. */
@Injectable()
@JobWorker({ type: JOB.recordRectification })
export class RecordRectificationWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { campaign, unit, vars } = await acceptanceJobContext(job, manager);
    if (!campaign || !unit) return fail(`campaign ${job.businessKey} or its unit not found`);
    const report = await manager.findOneBy(AcceptanceRectificationEntity, {
      id: idOf(vars.rectificationReportId) ?? '',
    });
    if (!report) return fail(`rectification report ${String(vars.rectificationReportId)} not found`);
    const moved = await moveStage(manager, this.outbox, unit, 're-inspection', ['rectification']);
    if (moved) {
      await recordTransfer(manager, this.outbox, {
        ...rectificationRef(campaign.id, unit.unitCode, report.round),
        sender: LEADING_GROUP_OFFICE,
        receiver: unit.unitCode,
        status: report.late ? 'reported-late' : 'reported',
        closed: true,
        documents: [{ name: '整改报告', ref: report.id }],
      });
    }
    return complete();
  }
}
