import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintDeadlineExtendedV1, JOB, MESSAGE, TOPIC } from '@oversight/contracts';
import { extend } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import {
  complete,
  EngineClient,
  EngineHttpError,
  fail,
  JobHandler,
  JobResult,
  JobWorker,
  LockedJob,
} from '@oversight/workflow';
import { DEADLINE_RULES } from '../../deadline/deadline-rules';
import { appendHistory } from '../complaint-history.util';
import { ExtensionRequestEntity } from '../complaint-records.entity';
import { ComplaintEntity } from '../complaint.entity';
import { iso, jobContext, text } from './complaint-job.util';
import { handlingTimers } from './record-assignment.worker';

/**
 * The head's decision on an extension (信访工作条例 Art. 34). Approved: the due date moves, the
 * complainant is told, and the deadline watcher of the process re-arms its timers on the new dates.
 */
@Injectable()
@JobWorker({ type: JOB.recordExtensionDecision })
export class RecordExtensionDecisionWorker implements JobHandler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly engine: EngineClient,
  ) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    if (!complaint || !complaint.handlingDueAt || !complaint.agencyOrg)
      return fail(`complaint ${job.businessKey} not in handling`);
    const request = await manager.findOneBy(ExtensionRequestEntity, { id: String(vars.extensionRequestId) });
    if (!request) return fail(`extension request ${String(vars.extensionRequestId)} not found`);
    if (request.status !== 'pending') return complete(); // decided by an earlier delivery of this job
    const approved = vars.extensionApproved === true;
    const comment = text(vars.extensionComment);
    const now = new Date();
    if (!approved) {
      await manager.update(
        ExtensionRequestEntity,
        { id: request.id },
        { status: 'rejected', decisionComment: comment, decidedAt: now },
      );
      await appendHistory(manager, {
        complaintId: complaint.id,
        kind: 'extension-rejected',
        public: false,
        zh: `延期申请未获批准：${comment ?? ''}`,
        en: `The extension was not approved: ${comment ?? ''}`,
        actorOrg: 'sfj',
        sourceKey: `job:${job.id}`,
      });
      return complete();
    }
    const unit = DEADLINE_RULES.complaintHandling.extension.unit;
    const newDue = extend(complaint.handlingDueAt, request.length, unit);
    await manager.update(
      ExtensionRequestEntity,
      { id: request.id },
      { status: 'approved', decisionComment: comment, decidedAt: now, newDueAt: newDue },
    );
    await manager.update(ComplaintEntity, { id: complaint.id }, { handlingDueAt: newDue, overdueAt: null });
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: 'extension-approved',
      public: true,
      zh: `经负责人批准，办理期限延长${request.length}日至${iso(newDue).slice(0, 10)}。延期理由：${request.reason}`,
      en: `With the head's approval the time limit was extended by ${request.length} days to ${iso(newDue).slice(0, 10)}. Reason: ${request.reason}`,
      actorOrg: 'sfj',
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintDeadlineExtendedV1>(manager, {
      topic: TOPIC.complaintDeadlineExtended,
      subject: complaint.id,
      data: {
        complaintId: complaint.id,
        agencyOrg: complaint.agencyOrg,
        previousDueAt: iso(complaint.handlingDueAt),
        handlingDueAt: iso(newDue),
        length: request.length,
        unit,
        approvedAt: iso(now),
      },
    });
    // Variables first, then wake the watcher; both are idempotent, so a retried job repeats them safely.
    await this.engine.setProcessVariables(job.processInstanceId, handlingTimers(newDue, now));
    try {
      await this.engine.correlateMessage(MESSAGE.complaintDeadlineExtended, complaint.id);
    } catch (error) {
      // No watcher waiting (it is raising a notice right now): its next timers read the new variables.
      if (!(error instanceof EngineHttpError && error.status === 400)) throw error;
    }
    return complete();
  }
}
