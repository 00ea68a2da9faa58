import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { SUPERVISION_DEADLINE_RULES } from '../deadline-rules';
import { appendHistory, changeCase, issueDocument, SUPERVISION_OFFICE } from '../supervision-case.util';
import { iso, supervisionJobContext } from './supervision-job.util';

/** The investigation is in: the 处理审批表 is numbered and goes to the head with its deadline. */
@Injectable()
@JobWorker({ type: JOB.recordSupervisionInvestigation })
export class RecordSupervisionInvestigationWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    let { c } = await supervisionJobContext(job, manager);
    if (!c) return fail(`supervision case ${job.businessKey} not found`);
    if (c.status === 'investigation' && c.investigatedAt) {
      const number = await issueDocument(manager, c.id, 'handling-approval');
      const decisionDueAt = dueAt(SUPERVISION_DEADLINE_RULES.handlingReview, new Date());
      c = await changeCase(manager, this.outbox, c.id, { status: 'decision-review', decisionDueAt });
      await appendHistory(manager, {
        caseId: c.id,
        kind: 'handling-form',
        text: {
          zh: `填写处理审批表 ${number}，报负责人审批，审批期限至${decisionDueAt.toISOString().slice(0, 10)}。`,
          en: `Handling approval form ${number} sent to the head, due ${decisionDueAt.toISOString().slice(0, 10)}.`,
        },
        actorOrg: SUPERVISION_OFFICE,
        actor: null,
        sourceKey: `job:${job.id}`,
      });
    }
    if (!c.decisionDueAt) return fail(`supervision case ${c.id} has no investigation to approve`);
    return complete({ decisionDueAt: iso(c.decisionDueAt) });
  }
}
