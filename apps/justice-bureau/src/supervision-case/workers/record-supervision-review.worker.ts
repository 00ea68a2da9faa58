import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { SUPERVISION_DEADLINE_RULES } from '../deadline-rules';
import { SupervisionRectificationEntity } from '../supervision-case.entity';
import {
  appendHistory,
  changeCase,
  closeCase,
  recordTransfer,
  SUPERVISION_OFFICE,
} from '../supervision-case.util';
import { iso, supervisionJobContext, withDays } from './supervision-job.util';

/** The office reviewed a reply: accepted closes the case as corrected; rejected opens another round. */
@Injectable()
@JobWorker({ type: JOB.recordSupervisionReview })
export class RecordSupervisionReviewWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const context = await supervisionJobContext(job, manager);
    const { vars } = context;
    let { c } = context;
    if (!c) return fail(`supervision case ${job.businessKey} not found`);
    const reply = await manager.findOneBy(SupervisionRectificationEntity, {
      id: String(vars.rectificationId ?? ''),
      caseId: c.id,
    });
    if (!reply?.reviewDecision) return fail(`reviewed reply ${String(vars.rectificationId)} not found`);
    const current = c.status === 'rectification' && c.rectificationRound === reply.round;
    if (current && reply.reviewDecision === 'accept') {
      c = await closeCase(manager, this.outbox, c, 'corrected');
      await this.history(manager, c.id, job, {
        zh: `第${reply.round}轮整改到位，予以认可，结案。`,
        en: `Rectification round ${reply.round} accepted; the case is closed.`,
      });
    } else if (current) {
      const round = reply.round + 1;
      const rule = withDays(SUPERVISION_DEADLINE_RULES.rectification, reply.nextRectificationDays);
      const rectificationDueAt = dueAt(rule, new Date());
      c = await changeCase(manager, this.outbox, c.id, { rectificationRound: round, rectificationDueAt });
      await this.history(manager, c.id, job, {
        zh: `第${reply.round}轮整改不予认可，责令第${round}轮整改，限${rectificationDueAt.toISOString().slice(0, 10)}前整改并书面回复。`,
        en: `Round ${reply.round} rejected; round ${round} due ${rectificationDueAt.toISOString().slice(0, 10)}.`,
      });
      await recordTransfer(manager, this.outbox, c, round, {
        status: 'sent',
        dueAt: rectificationDueAt.toISOString(),
        closed: false,
        overdue: false,
        basis: rule.basis,
        documents: [{ name: '整改审查意见', ref: reply.id }],
      });
    }
    const accepted = reply.reviewDecision === 'accept';
    return complete(accepted ? { accepted } : { accepted, rectificationDueAt: iso(c.rectificationDueAt) });
  }

  private history(manager: EntityManager, caseId: string, job: LockedJob, text: { zh: string; en: string }) {
    return appendHistory(manager, {
      caseId,
      kind: 'rectification-review-recorded',
      text,
      actorOrg: SUPERVISION_OFFICE,
      actor: null,
      sourceKey: `job:${job.id}`,
    });
  }
}
