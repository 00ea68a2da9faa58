import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  ComplaintSupervisionNoticeV1,
  JOB,
  SupervisionLevel,
  SupervisionStage,
  TOPIC,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { appendHistory } from '../complaint-history.util';
import { SupervisionNoticeEntity } from '../complaint-records.entity';
import { ComplaintEntity } from '../complaint.entity';
import { jobContext } from './complaint-job.util';

/** Which deadline a notice task watches: the BPMN activity id says the stage, level and due date. */
const NOTICE_OF_ACTIVITY: Record<string, { stage: SupervisionStage; level: SupervisionLevel; due: string }> =
  {
    'acceptance-overdue-notice': { stage: 'acceptance', level: 'overdue', due: 'acceptanceDueAt' },
    'handling-reminder-notice': { stage: 'handling', level: 'reminder', due: 'handlingDueAt' },
    'handling-overdue-notice': { stage: 'handling', level: 'overdue', due: 'handlingDueAt' },
    'handling-circular-notice': { stage: 'handling', level: 'circular', due: 'handlingDueAt' },
    'follow-up-overdue-notice': { stage: 'follow-up', level: 'overdue', due: 'followUpDueAt' },
    'appeal-review-overdue-notice': { stage: 'appeal-review', level: 'overdue', due: 'appealDueAt' },
    'appeal-recheck-overdue-notice': { stage: 'appeal-recheck', level: 'overdue', due: 'recheckDueAt' },
  };

const LEVEL_LABEL: Record<SupervisionLevel, { zh: string; en: string }> = {
  reminder: { zh: '临期提醒', en: 'Reminder: deadline near' },
  overdue: { zh: '逾期督办', en: 'Supervision notice: deadline passed' },
  circular: { zh: '逾期通报', en: 'Circular: still overdue' },
};

/**
 * A deadline timer fired: raise the 督办 notice to whoever holds the complaint now (the agency while it
 * investigates, the bureau in every other stage), mark the complaint overdue, and announce it.
 */
@Injectable()
@JobWorker({ type: JOB.raiseSupervisionNotice })
export class RaiseSupervisionNoticeWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    const kind = NOTICE_OF_ACTIVITY[job.activityId];
    // No catching event here: a missing complaint is an anomaly for an admin, so it becomes an incident.
    if (!complaint) return fail(`complaint ${job.businessKey} not found`);
    if (!kind) return fail(`no supervision notice defined for activity ${job.activityId}`);
    const dueAt = new Date(String(vars[kind.due]));
    const toOrg =
      kind.stage === 'handling' && complaint.status === 'assigned' && complaint.agencyOrg
        ? complaint.agencyOrg
        : 'sfj';
    const key = { complaintId: complaint.id, stage: kind.stage, level: kind.level, dueAt };
    if (await manager.existsBy(SupervisionNoticeEntity, key)) return complete(); // raised already
    const noticeId = randomUUID();
    await manager.insert(SupervisionNoticeEntity, { id: noticeId, ...key, toOrg });
    const raisedAt = new Date();
    if (kind.level !== 'reminder') {
      await manager.update(
        ComplaintEntity,
        { id: complaint.id },
        { overdueAt: complaint.overdueAt ?? raisedAt },
      );
    }
    const label = LEVEL_LABEL[kind.level];
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: `notice-${kind.stage}-${kind.level}`,
      public: false,
      zh: `${label.zh}（期限${dueAt.toISOString().slice(0, 10)}），发往${toOrg}。`,
      en: `${label.en} (due ${dueAt.toISOString().slice(0, 10)}), sent to ${toOrg}.`,
      actorOrg: 'sfj',
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintSupervisionNoticeV1>(manager, {
      topic: TOPIC.complaintSupervisionNotice,
      subject: complaint.id,
      data: {
        complaintId: complaint.id,
        noticeId,
        stage: kind.stage,
        level: kind.level,
        toOrg,
        dueAt: dueAt.toISOString(),
        raisedAt: raisedAt.toISOString(),
      },
    });
    return complete();
  }
}
