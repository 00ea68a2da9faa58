import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BODY, JOB, TRANSFER_KIND } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { CriminalTransferEntity, CriminalTransferNoticeEntity } from '../criminal-transfer.entity';
import { CRIMINAL_TRANSFER_RULES, ESCALATION_RULE, TimedStep } from '../deadline-rules';
import { recordStep, recordTransferChange, transferChange } from '../transfer-events.util';
import { transferJobContext } from './transfer-job.util';

/** Who must act at each timed step. */
export const RESPONSIBLE: Record<TimedStep, 'agency' | 'police'> = {
  'head-decision': 'agency',
  'transfer-to-police': 'agency',
  'police-receipt': 'police',
  'filing-decision': 'police',
  'exhibit-handover': 'agency',
  'agency-response': 'agency',
  'reconsideration-decision': 'police',
  'supervision-proposal': 'agency',
  'police-reasons': 'police',
  'police-open-case': 'police',
};

/** `filing-decision-overdue` → the step and the level; the BPMN activity id says both. */
export function noticeOfActivity(
  activityId: string,
): { step: TimedStep; level: 'overdue' | 'escalation' } | null {
  const m = /^(.+)-(overdue|escalation)$/.exec(activityId);
  if (!m || !Object.prototype.hasOwnProperty.call(CRIMINAL_TRANSFER_RULES, m[1])) return null;
  return { step: m[1] as TimedStep, level: m[2] as 'overdue' | 'escalation' };
}

/**
 * A step is late. At its due date the step is marked overdue and the responsible body's head is urged
 * (督促); at the escalation date the transfer goes to the liaison meeting (flagged overdue in liaison's
 * register). A notice is raised once per step, level and due date, however often the job comes.
 */
@Injectable()
@JobWorker({ type: JOB.raiseTransferNotice })
export class RaiseTransferNoticeWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { transfer: t } = await transferJobContext(job, manager);
    const notice = noticeOfActivity(job.activityId);
    if (!t) return fail(`criminal transfer ${job.businessKey} not found`);
    if (!notice) return fail(`no notice defined for activity ${job.activityId}`);
    // The step was done while the timer fired: nothing is late.
    if (t.currentStep !== notice.step || !t.dueAt || !t.escalateAt) return complete();
    const dueAt = notice.level === 'overdue' ? t.dueAt : t.escalateAt;
    const responsibleOrg = RESPONSIBLE[notice.step] === 'agency' ? t.agencyOrg : t.policeOrg;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(CriminalTransferNoticeEntity)
      .values({ id: randomUUID(), transferId: t.id, ...notice, responsibleOrg, dueAt })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) return complete(); // raised already
    const now = new Date();
    await manager.update(
      CriminalTransferEntity,
      { id: t.id },
      notice.level === 'overdue' ? { overdueAt: now } : { overdueAt: t.overdueAt ?? now, escalatedAt: now },
    );
    await recordStep(
      this.outbox,
      manager,
      t.id,
      notice.level === 'overdue' ? 'overdue' : 'escalated',
      BODY.procuratorate,
      { decision: notice.step },
    );
    const basis =
      notice.level === 'overdue' ? CRIMINAL_TRANSFER_RULES[notice.step].basis : ESCALATION_RULE.basis;
    const document =
      notice.level === 'overdue' ? `督促函（${responsibleOrg}负责人）` : '提请联席会议研究督办';
    const supervision = notice.step === 'police-reasons' || notice.step === 'police-open-case';
    await recordTransferChange(
      this.outbox,
      manager,
      transferChange(
        t,
        {
          status: `${notice.step}-${notice.level === 'overdue' ? 'overdue' : 'escalated'}`,
          overdue: true,
          basis,
          documents: [{ name: document }],
        },
        // Before the case left the agency, the late step is the agency's own: it shows as the transfer.
        supervision ? TRANSFER_KIND.caseFilingSupervision : TRANSFER_KIND.criminalCaseTransfer,
        supervision ? { sender: BODY.procuratorate } : {},
      ),
    );
    return complete();
  }
}
