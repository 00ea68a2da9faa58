import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { SUPERVISION_DEADLINE_RULES } from '../deadline-rules';
import {
  appendHistory,
  changeCase,
  closeCase,
  DOCUMENT,
  issueDocument,
  recordTransfer,
  SUPERVISION_OFFICE,
} from '../supervision-case.util';
import { iso, supervisionJobContext, withDays } from './supervision-job.util';

/**
 * 处理审批 decided. Returned: investigation again with a new deadline. Approved without fault: closed.
 * Approved with a fault: the 处理决定通知书 and the 建议书 (or 监督检查意见书) are numbered and issued,
 * and the agency's first rectification round starts — a transfer liaison tracks.
 */
@Injectable()
@JobWorker({ type: JOB.recordSupervisionHandling })
export class RecordSupervisionHandlingWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    let { c } = await supervisionJobContext(job, manager);
    if (!c) return fail(`supervision case ${job.businessKey} not found`);
    if (!c.handlingDecision) return fail(`supervision case ${c.id} has no handling decision`);
    const now = new Date();
    if (c.status === 'decision-review' && c.handlingDecision === 'return') {
      const investigationDueAt = dueAt(SUPERVISION_DEADLINE_RULES.investigation, now);
      c = await changeCase(manager, this.outbox, c.id, {
        status: 'investigation',
        investigationDueAt,
        investigatedAt: null,
      });
      await this.history(manager, c.id, job, {
        zh: `退回补充调查，调查期限至${investigationDueAt.toISOString().slice(0, 10)}。`,
        en: `Returned for further investigation, due ${investigationDueAt.toISOString().slice(0, 10)}.`,
      });
    } else if (c.status === 'decision-review' && c.proposal === 'no-fault') {
      c = await closeCase(manager, this.outbox, c, 'no-fault', { correctionOrdered: false });
      await this.history(manager, c.id, job, {
        zh: '经审批，认定未发现执法过错，结案。',
        en: 'Approved: no fault found; the case is closed.',
      });
    } else if (c.status === 'decision-review') {
      const instrument = c.instrument ?? 'suggestion';
      const decisionNo = await issueDocument(manager, c.id, 'decision-notice');
      const instrumentNo = await issueDocument(manager, c.id, instrument);
      const rule = withDays(SUPERVISION_DEADLINE_RULES.rectification, c.rectificationDays);
      const rectificationDueAt = dueAt(rule, now);
      c = await changeCase(manager, this.outbox, c.id, {
        status: 'rectification',
        correctionOrdered: true,
        rectificationRound: 1,
        rectificationDueAt,
      });
      await this.history(manager, c.id, job, {
        zh: `经审批，认定存在执法过错，向被监督单位送达${DOCUMENT['decision-notice'].name}（${decisionNo}）和${DOCUMENT[instrument].name}（${instrumentNo}），限${rectificationDueAt.toISOString().slice(0, 10)}前整改并书面回复。`,
        en: `Approved: fault found; decision ${decisionNo} and ${instrument} ${instrumentNo} issued; rectification due ${rectificationDueAt.toISOString().slice(0, 10)}.`,
      });
      await recordTransfer(manager, this.outbox, c, 1, {
        status: 'sent',
        dueAt: rectificationDueAt.toISOString(),
        closed: false,
        overdue: false,
        basis: rule.basis,
        documents: [
          { name: DOCUMENT['decision-notice'].name, ref: decisionNo },
          { name: DOCUMENT[instrument].name, ref: instrumentNo },
        ],
      });
    }
    const approved = c.handlingDecision === 'approve';
    return complete({
      approved,
      fault: approved && c.proposal === 'fault',
      ...(approved ? {} : { investigationDueAt: iso(c.investigationDueAt) }),
      ...(approved && c.proposal === 'fault' ? { rectificationDueAt: iso(c.rectificationDueAt) } : {}),
    });
  }

  private history(manager: EntityManager, caseId: string, job: LockedJob, text: { zh: string; en: string }) {
    return appendHistory(manager, {
      caseId,
      kind: 'handling-recorded',
      text,
      actorOrg: SUPERVISION_OFFICE,
      actor: null,
      sourceKey: `job:${job.id}`,
    });
  }
}
