import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  AcceptanceCampaignClosedV1,
  AcceptanceUnitResultV1,
  ASSESSMENT_SOURCE,
  JOB,
  TOPIC,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ASSESSMENT_RULES } from '../acceptance-calendar';
import {
  AcceptanceCampaignEntity,
  AcceptanceUnitEntity,
  AssessmentInputEntity,
} from '../acceptance-campaign.entity';
import { acceptanceJobContext } from './acceptance-job.util';

/**
 * The office summarised the campaign and reported to the provincial office: every unit's result becomes
 * input to the year's rule-of-law assessment (法治建设考核), and the campaign closes.
 */
@Injectable()
@JobWorker({ type: JOB.recordCampaignSummary })
export class RecordCampaignSummaryWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { campaign } = await acceptanceJobContext(job, manager);
    if (!campaign) return fail(`acceptance campaign ${job.businessKey} not found`);
    if (campaign.status === 'closed') return complete();
    const units = await manager.find(AcceptanceUnitEntity, {
      where: { campaignId: campaign.id },
      order: { unitCode: 'ASC' },
    });
    const undecided = units.filter((u) => !u.result);
    if (undecided.length > 0)
      return fail(`units without a result: ${undecided.map((u) => u.unitCode).join(',')}`);
    const results: AcceptanceUnitResultV1[] = units.map((u) => ({
      unitCode: u.unitCode,
      result: u.result as 'accepted' | 'failed',
      score: u.inspectionScore,
      rectificationRounds: u.rectificationRounds,
      lateWindows: u.lateWindows,
      outcome: ASSESSMENT_RULES.outcome(
        u.result as 'accepted' | 'failed',
        u.rectificationRounds,
        u.lateWindows.length,
      ),
    }));
    for (const r of results) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AssessmentInputEntity)
        .values({
          id: randomUUID(),
          year: campaign.year,
          unitCode: r.unitCode,
          source: ASSESSMENT_SOURCE.acceptanceCampaign,
          sourceRef: campaign.id,
          result: r.result,
          score: r.score,
          outcome: r.outcome,
          detail: {
            campaign: campaign.title,
            rectificationRounds: r.rectificationRounds,
            lateWindows: r.lateWindows,
            demonstration: units.find((u) => u.unitCode === r.unitCode)?.demonstration ?? false,
          },
          basis: ASSESSMENT_RULES.basis,
        })
        .orIgnore()
        .execute();
    }
    const summarisedAt = new Date();
    await manager.update(AcceptanceCampaignEntity, { id: campaign.id }, { status: 'closed', summarisedAt });
    await this.outbox.record<AcceptanceCampaignClosedV1>(manager, {
      topic: TOPIC.acceptanceCampaignClosed,
      subject: campaign.id,
      data: {
        campaignId: campaign.id,
        year: campaign.year,
        summarisedAt: summarisedAt.toISOString(),
        results,
      },
    });
    return complete();
  }
}
