import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ComplaintDraftReviewedV1,
  ComplaintMisconductFoundV1,
  JOB,
  ReviewDecision,
  TOPIC,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { appendHistory } from '../complaint-history.util';
import { ComplaintEntity } from '../complaint.entity';
import { jobContext, text } from './complaint-job.util';

/**
 * The bureau's review (审核) of the draft: approve it or return it to the agency. Misconduct of officers
 * found here is announced, to start a clue referral to the discipline commission (domain.md §2.3).
 */
@Injectable()
@JobWorker({ type: JOB.recordReview })
export class RecordReviewWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    if (!complaint || !complaint.agencyOrg) return fail(`complaint ${job.businessKey} not assigned`);
    const decision = vars.reviewDecision as ReviewDecision;
    if (decision !== 'approve' && decision !== 'return') return fail(`invalid reviewDecision ${decision}`);
    const comment = text(vars.reviewComment);
    const now = new Date();
    await manager.update(
      ComplaintEntity,
      { id: complaint.id },
      { status: decision === 'approve' ? 'approved' : 'assigned', reviewComment: comment },
    );
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: `review-${decision}`,
      public: false,
      zh: decision === 'approve' ? '答复草稿审核通过。' : `答复草稿退回承办单位修改：${comment ?? ''}`,
      en:
        decision === 'approve'
          ? 'The draft reply was approved.'
          : `The draft reply was returned to the agency: ${comment ?? ''}`,
      actorOrg: 'sfj',
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintDraftReviewedV1>(manager, {
      topic: TOPIC.complaintDraftReviewed,
      subject: complaint.id,
      data: {
        complaintId: complaint.id,
        agencyOrg: complaint.agencyOrg,
        decision,
        reviewedAt: now.toISOString(),
      },
    });
    const facts = text(vars.misconductFacts);
    if (vars.misconductFound === true && facts) {
      await this.outbox.record<ComplaintMisconductFoundV1>(manager, {
        topic: TOPIC.complaintMisconductFound,
        subject: complaint.id,
        data: {
          complaintId: complaint.id,
          agencyOrg: complaint.agencyOrg,
          officers: complaint.officers,
          facts,
          foundAt: now.toISOString(),
        },
      });
    }
    return complete();
  }
}
