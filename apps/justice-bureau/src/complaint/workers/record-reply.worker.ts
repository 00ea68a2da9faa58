import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintRepliedV1, JOB, TOPIC } from '@oversight/contracts';
import { dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { DEADLINE_RULES } from '../../deadline/deadline-rules';
import { appendHistory } from '../complaint-history.util';
import { ComplaintEntity } from '../complaint.entity';
import { iso, jobContext, text } from './complaint-job.util';

/** The written reply to the complainant; opens the follow-up visit and the 复查 window. */
@Injectable()
@JobWorker({ type: JOB.recordReply })
export class RecordReplyWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    if (!complaint || !complaint.agencyOrg || !complaint.handlingDueAt)
      return fail(`complaint ${job.businessKey} not assigned`);
    const reply = text(vars.reply) ?? complaint.draftReply;
    if (!reply) return fail('reply is required');
    const now = new Date();
    const followUpDueAt = dueAt(DEADLINE_RULES.followUpVisit, now);
    const appealWindowEndsAt = dueAt(DEADLINE_RULES.appealRequest, now);
    await manager.update(
      ComplaintEntity,
      { id: complaint.id },
      { status: 'replied', reply, repliedAt: now, followUpDueAt, appealWindowEndsAt, overdueAt: null },
    );
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: 'replied',
      public: true,
      zh: `答复意见：${reply}\n如对答复不服，可于${appealWindowEndsAt.toISOString().slice(0, 10)}前申请复查。`,
      en: `Reply: ${reply}\nIf you disagree, you may request a review (复查) before ${appealWindowEndsAt.toISOString().slice(0, 10)}.`,
      actorOrg: 'sfj',
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintRepliedV1>(manager, {
      topic: TOPIC.complaintReplied,
      subject: complaint.id,
      data: {
        complaintId: complaint.id,
        agencyOrg: complaint.agencyOrg,
        substantiated: complaint.substantiated === true,
        repliedAt: iso(now),
        handlingDueAt: iso(complaint.handlingDueAt),
        onTime: now.getTime() <= complaint.handlingDueAt.getTime(),
      },
    });
    return complete({ followUpDueAt: iso(followUpDueAt), appealWindowEndsAt: iso(appealWindowEndsAt) });
  }
}
