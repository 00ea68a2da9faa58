import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealStage, ComplaintAppealDecidedV1, JOB, TOPIC } from '@oversight/contracts';
import { dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { DEADLINE_RULES } from '../../deadline/deadline-rules';
import { appendHistory } from '../complaint-history.util';
import { AppealEntity } from '../complaint-records.entity';
import { iso, jobContext, text } from './complaint-job.util';

/** Which appeal a decision task belongs to, by the BPMN activity that runs this job. */
const STAGE_OF_ACTIVITY: Record<string, AppealStage> = {
  'record-review-decision': 'review',
  'record-recheck-decision': 'recheck',
};

const STAGE_LABEL: Record<AppealStage, { zh: string; en: string }> = {
  review: { zh: '复查', en: 'review' },
  recheck: { zh: '复核', en: 'recheck' },
};

/** The 复查 or 复核 opinion (Arts 35-36); after a 复查 the 复核 window opens. */
@Injectable()
@JobWorker({ type: JOB.recordAppealDecision })
export class RecordAppealDecisionWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    const stage = STAGE_OF_ACTIVITY[job.activityId];
    if (!complaint || !stage) return fail(`no appeal for ${job.businessKey} at ${job.activityId}`);
    const decision = vars.appealDecision === 'revise' ? 'revise' : 'uphold';
    const opinion = text(vars.appealOpinion) ?? '';
    const now = new Date();
    await manager.update(
      AppealEntity,
      { complaintId: complaint.id, stage },
      { decision, opinion, decidedAt: now },
    );
    const label = STAGE_LABEL[stage];
    const next =
      stage === 'review'
        ? { recheckWindowEndsAt: iso(dueAt(DEADLINE_RULES.recheckRequest, now)) }
        : ({} as Record<string, string>);
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: `${stage}-decided`,
      public: true,
      zh: `${label.zh}意见（${decision === 'revise' ? '变更原处理意见' : '维持原处理意见'}）：${opinion}${
        stage === 'review' ? `\n如不服，可于${next.recheckWindowEndsAt.slice(0, 10)}前申请复核。` : ''
      }`,
      en: `${label.en} opinion (${decision === 'revise' ? 'revised' : 'upheld'}): ${opinion}`,
      actorOrg: 'sfj',
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintAppealDecidedV1>(manager, {
      topic: TOPIC.complaintAppealDecided,
      subject: complaint.id,
      data: { complaintId: complaint.id, stage, decision, decidedAt: iso(now) },
    });
    return complete(next);
  }
}
