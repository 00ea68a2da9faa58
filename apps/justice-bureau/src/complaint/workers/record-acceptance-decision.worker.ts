import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AcceptanceDecision,
  BPMN_ERROR,
  ComplaintAcceptanceDecidedV1,
  JOB,
  TOPIC,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { bpmnError, complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { appendHistory } from '../complaint-history.util';
import { ComplaintEntity, ComplaintStatus } from '../complaint.entity';
import { jobContext, text } from './complaint-job.util';

const STATUS: Record<AcceptanceDecision, ComplaintStatus> = {
  accept: 'accepted',
  reject: 'rejected',
  forward: 'forwarded',
};

/** Records the acceptance review's decision (受理 / 不予受理 / 转送), tells the complainant, announces it. */
@Injectable()
@JobWorker({ type: JOB.recordAcceptanceDecision })
export class RecordAcceptanceDecisionWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    const decision = vars.decision as AcceptanceDecision | undefined;
    if (!decision || !(decision in STATUS))
      return fail(`decision variable missing or invalid: ${String(decision)}`);
    if (!complaint) return bpmnError(BPMN_ERROR.complaintNotFound, `complaint ${job.businessKey} not found`);
    const reason = text(vars.reason);
    const forwardedTo = decision === 'forward' ? text(vars.forwardTo) : null;
    const decidedAt = new Date();
    await manager.update(
      ComplaintEntity,
      { id: complaint.id },
      { status: STATUS[decision], decision, decisionReason: reason, forwardedTo, decidedAt },
    );
    const told = {
      accept: { zh: '您的投诉已受理。', en: 'Your complaint has been accepted.' },
      reject: {
        zh: `您的投诉不予受理。理由：${reason ?? ''}`,
        en: `Your complaint was not accepted. Reason: ${reason ?? ''}`,
      },
      forward: {
        zh: `您的投诉已转送${forwardedTo ?? '有权处理的机关'}办理。理由：${reason ?? ''}`,
        en: `Your complaint was forwarded to ${forwardedTo ?? 'the competent organ'}. Reason: ${reason ?? ''}`,
      },
    }[decision];
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: `acceptance-${decision}`,
      public: true,
      ...told,
      actorOrg: 'sfj',
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintAcceptanceDecidedV1>(manager, {
      topic: TOPIC.complaintAcceptanceDecided,
      subject: complaint.id,
      data: {
        complaintId: complaint.id,
        decision,
        reason: reason ?? undefined,
        forwardedTo: forwardedTo ?? undefined,
        decidedAt: decidedAt.toISOString(),
      },
    });
    return complete({ acceptanceStatus: STATUS[decision] });
  }
}
