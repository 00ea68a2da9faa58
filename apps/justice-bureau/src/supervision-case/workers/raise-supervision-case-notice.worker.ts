import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { Bilingual } from '@oversight/platform';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import {
  SupervisionCaseNoticeEntity,
  SupervisionRectificationEntity,
  SupervisionStep,
} from '../supervision-case.entity';
import { appendHistory, changeCase, recordTransfer, SUPERVISION_OFFICE } from '../supervision-case.util';
import { supervisionJobContext } from './supervision-job.util';

/** Which deadline a notice task watches (the BPMN activity id), and whose step it is. */
const NOTICE_OF_ACTIVITY: Record<
  string,
  { step: SupervisionStep; due: string; label: Bilingual; agency: boolean }
> = {
  'filing-overdue-notice': {
    step: 'filing',
    due: 'filingDueAt',
    label: { zh: '立案审批', en: 'filing approval' },
    agency: false,
  },
  'investigation-overdue-notice': {
    step: 'investigation',
    due: 'investigationDueAt',
    label: { zh: '调查', en: 'investigation' },
    agency: false,
  },
  'handling-overdue-notice': {
    step: 'handling',
    due: 'decisionDueAt',
    label: { zh: '处理审批', en: 'handling approval' },
    agency: false,
  },
  'rectification-overdue-notice': {
    step: 'rectification',
    due: 'rectificationDueAt',
    label: { zh: '整改回复', en: 'rectification reply' },
    agency: true,
  },
  'review-overdue-notice': {
    step: 'review',
    due: 'reviewDueAt',
    label: { zh: '整改审查', en: 'rectification review' },
    agency: false,
  },
};

/**
 * A step's deadline passed with the step open: raise one 督办 notice to the head responsible (the
 * office's for its own steps, the agency's for its rectification), mark the case overdue, and — for a
 * rectification — show the order overdue in liaison's register.
 */
@Injectable()
@JobWorker({ type: JOB.raiseSupervisionCaseNotice })
export class RaiseSupervisionCaseNoticeWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { c, vars } = await supervisionJobContext(job, manager);
    const kind = NOTICE_OF_ACTIVITY[job.activityId];
    if (!c) return fail(`supervision case ${job.businessKey} not found`);
    if (!kind) return fail(`no notice defined for activity ${job.activityId}`);
    const dueAt = new Date(String(vars[kind.due]));
    if (Number.isNaN(dueAt.getTime())) return fail(`variable ${kind.due} is not an instant`);
    if (await manager.existsBy(SupervisionCaseNoticeEntity, { caseId: c.id, step: kind.step, dueAt })) {
      return complete(); // raised already
    }
    const round = kind.step === 'rectification' ? c.rectificationRound : 0;
    const toOrg = kind.agency ? c.agencyCode : SUPERVISION_OFFICE;
    const noticeId = randomUUID();
    await manager.insert(SupervisionCaseNoticeEntity, {
      id: noticeId,
      caseId: c.id,
      step: kind.step,
      dueAt,
      round,
      toOrg,
      toRole: 'head',
    });
    const updated = await changeCase(manager, this.outbox, c.id, {
      overdue: true,
      overdueSince: c.overdueSince ?? new Date(),
    });
    const day = dueAt.toISOString().slice(0, 10);
    await appendHistory(manager, {
      caseId: c.id,
      kind: `notice-${kind.step}`,
      text: {
        zh: `督办：${kind.label.zh}${round ? `（第${round}轮）` : ''}已超过期限（${day}），已督促${kind.agency ? '被监督单位' : '本局'}负责人。`,
        en: `Supervision notice: ${kind.label.en}${round ? ` (round ${round})` : ''} passed its deadline (${day}); the ${kind.agency ? "agency's" : "office's"} head was notified.`,
      },
      actorOrg: SUPERVISION_OFFICE,
      actor: null,
      sourceKey: `notice:${noticeId}`,
    });
    if (kind.step === 'rectification') {
      // The reply may have come in between the timer and this job: then the order is late but done.
      const replied = await manager.existsBy(SupervisionRectificationEntity, { caseId: c.id, round });
      await recordTransfer(manager, this.outbox, updated, round, {
        status: replied ? 'replied-late' : 'overdue',
        dueAt: dueAt.toISOString(),
        overdue: true,
        closed: replied,
        documents: [{ name: '督办通知', ref: noticeId }],
      });
    }
    return complete();
  }
}
