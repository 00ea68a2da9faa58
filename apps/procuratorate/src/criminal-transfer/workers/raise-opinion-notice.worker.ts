import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BODY, JOB, TOPIC, TRANSFER_KIND, TransferChangedV1, transferKey } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ESCALATION_RULE, OPINION_REPLY_RULE } from '../deadline-rules';
import { ProcuratorialOpinionEntity } from '../penalty-case.entity';

/** A 检察意见 went unanswered: marked overdue (urge the agency head), then to the liaison meeting. */
@Injectable()
@JobWorker({ type: JOB.raiseOpinionNotice })
export class RaiseOpinionNoticeWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const o = await manager.findOne(ProcuratorialOpinionEntity, {
      where: { id: job.businessKey ?? '' },
      lock: { mode: 'pessimistic_write' },
    });
    if (!o) return fail(`procuratorial opinion ${job.businessKey} not found`);
    const level = job.activityId.endsWith('-escalation') ? 'escalation' : 'overdue';
    if (o.status === 'replied') return complete();
    if (level === 'overdue' ? o.overdueAt : o.escalatedAt) return complete(); // raised already
    const now = new Date();
    await manager.update(
      ProcuratorialOpinionEntity,
      { id: o.id },
      level === 'overdue' ? { overdueAt: now } : { escalatedAt: now, overdueAt: o.overdueAt ?? now },
    );
    const change: TransferChangedV1 = {
      kind: TRANSFER_KIND.reverseTransfer,
      sourceRef: o.id,
      sender: BODY.procuratorate,
      receiver: o.agencyOrg,
      status: level === 'overdue' ? 'reply-overdue' : 'reply-escalated',
      overdue: true,
      basis: level === 'overdue' ? OPINION_REPLY_RULE.basis : ESCALATION_RULE.basis,
      documents: [{ name: level === 'overdue' ? `督促函（${o.agencyOrg}负责人）` : '提请联席会议研究督办' }],
    };
    await this.outbox.record<TransferChangedV1>(manager, {
      topic: TOPIC.transferChanged,
      subject: transferKey(change),
      data: change,
    });
    return complete();
  }
}
