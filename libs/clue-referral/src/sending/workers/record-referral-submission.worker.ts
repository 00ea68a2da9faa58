import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { complete, fail, JobHandler, JobResult, LockedJob } from '@oversight/workflow';
import { ClueReferralEntity } from '../clue-referral.entity';
import { referralJobContext, text } from './referral-job.util';

/** The draft went to the head: it is frozen until approved or returned. */
@Injectable()
export class RecordReferralSubmissionWorker implements JobHandler {
  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { referral, vars } = await referralJobContext(job, manager);
    if (!referral) return fail(`clue referral ${job.businessKey} not found`);
    if (referral.status === 'drafting' || referral.status === 'submitted') {
      await manager.update(
        ClueReferralEntity,
        { id: referral.id },
        { status: 'submitted', submittedBy: text(vars.submittedBy) ?? referral.submittedBy },
      );
    }
    return complete();
  }
}
