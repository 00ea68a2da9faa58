import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintAssignedV1, JOB, TOPIC } from '@oversight/contracts';
import { dueAt, endOfBeijingDay, extend, remindAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { DEADLINE_RULES } from '../../deadline/deadline-rules';
import { OrganisationEntity } from '../../organisation/organisation.entity';
import { appendHistory } from '../complaint-history.util';
import { ComplaintEntity } from '../complaint.entity';
import { iso, jobContext, text } from './complaint-job.util';

/**
 * Records 交办: the agency and the deadlines it works against. The handling limit runs from acceptance
 * (信访工作条例 Art. 34), so a re-assignment after an objection keeps it; the objection window restarts.
 */
@Injectable()
@JobWorker({ type: JOB.recordAssignment })
export class RecordAssignmentWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    if (!complaint) return fail(`complaint ${job.businessKey} not found`);
    const agencyOrg = text(vars.agencyOrg);
    const agency = agencyOrg ? await manager.findOneBy(OrganisationEntity, { code: agencyOrg }) : null;
    if (!agency) return fail(`unknown agency ${String(vars.agencyOrg)}`);
    const now = new Date();
    const rule = DEADLINE_RULES.complaintHandling;
    let handlingDueAt = complaint.handlingDueAt ?? dueAt(rule, complaint.decidedAt ?? now);
    const requested = text(vars.agencyDueDate);
    if (requested && endOfBeijingDay(requested) < handlingDueAt) handlingDueAt = endOfBeijingDay(requested);
    const objectionDueAt = dueAt(DEADLINE_RULES.assignmentObjection, now);
    const note = text(vars.assignmentNote);
    await manager.update(
      ComplaintEntity,
      { id: complaint.id },
      {
        status: 'assigned',
        agencyOrg: agency.code,
        assignedAt: now,
        assignmentNote: note,
        objectionDueAt,
        objectionClosed: false,
        handlingDueAt,
        handlingRule: rule,
        overdueAt: null,
      },
    );
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: 'assigned',
      public: true,
      zh: `已交由${agency.name}办理，办理期限至${handlingDueAt.toISOString().slice(0, 10)}。`,
      en: `Assigned to ${agency.name}; due by ${handlingDueAt.toISOString().slice(0, 10)}.`,
      actorOrg: 'sfj',
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintAssignedV1>(manager, {
      topic: TOPIC.complaintAssigned,
      subject: complaint.id,
      data: {
        complaintId: complaint.id,
        agencyOrg: agency.code,
        category: complaint.category,
        summary: complaint.summary,
        assignedAt: iso(now),
        handlingDueAt: iso(handlingDueAt),
        handlingRule: rule,
        objectionDueAt: iso(objectionDueAt),
      },
    });
    return complete({
      agencyOrg: agency.code,
      objected: false,
      objectionDueAt: iso(objectionDueAt),
      ...handlingTimers(handlingDueAt, now),
    });
  }
}

/** The watcher's three instants: the due date, the reminder before it and the 通报 after it. */
export function handlingTimers(handlingDueAt: Date, start: Date): Record<string, string> {
  const reminder = DEADLINE_RULES.handlingReminder;
  const circular = DEADLINE_RULES.handlingCircular;
  return {
    handlingDueAt: iso(handlingDueAt),
    handlingRemindAt: iso(remindAt(handlingDueAt, start, reminder)),
    escalateAt: iso(extend(handlingDueAt, circular.length, circular.unit)),
  };
}
