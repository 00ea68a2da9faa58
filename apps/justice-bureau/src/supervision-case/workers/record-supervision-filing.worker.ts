import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { SUPERVISION_DEADLINE_RULES } from '../deadline-rules';
import { appendHistory, changeCase, closeCase, SUPERVISION_OFFICE } from '../supervision-case.util';
import { iso, supervisionJobContext } from './supervision-job.util';

/** 立案审批 decided: a filed case goes to investigation with its deadline; a dismissed one closes. */
@Injectable()
@JobWorker({ type: JOB.recordSupervisionFiling })
export class RecordSupervisionFilingWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    let { c } = await supervisionJobContext(job, manager);
    if (!c) return fail(`supervision case ${job.businessKey} not found`);
    if (!c.filingDecision) return fail(`supervision case ${c.id} has no filing decision`);
    if (c.status === 'filing-review') {
      if (c.filingDecision === 'dismiss') {
        c = await closeCase(manager, this.outbox, c, 'dismissed', { correctionOrdered: false });
      } else {
        const investigationDueAt = dueAt(SUPERVISION_DEADLINE_RULES.investigation, new Date());
        c = await changeCase(manager, this.outbox, c.id, { status: 'investigation', investigationDueAt });
        await appendHistory(manager, {
          caseId: c.id,
          kind: 'filed',
          text: {
            zh: `立案，进入调查，调查期限至${investigationDueAt.toISOString().slice(0, 10)}。`,
            en: `Filed; investigation due ${investigationDueAt.toISOString().slice(0, 10)}.`,
          },
          actorOrg: SUPERVISION_OFFICE,
          actor: null,
          sourceKey: `job:${job.id}`,
        });
      }
    }
    const filed = c.filingDecision === 'file';
    return complete(filed ? { filed, investigationDueAt: iso(c.investigationDueAt) } : { filed });
  }
}
