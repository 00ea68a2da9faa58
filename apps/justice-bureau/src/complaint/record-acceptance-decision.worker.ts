import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AcceptanceDecision,
  BPMN_ERROR,
  ComplaintAcceptanceDecidedV1,
  JOB,
  TOPIC,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import {
  bpmnError,
  complete,
  fail,
  fromEngineVariables,
  JobHandler,
  JobResult,
  JobWorker,
  LockedJob,
} from '@oversight/workflow';
import { ComplaintEntity, ComplaintStatus } from './complaint.entity';

const STATUS: Record<AcceptanceDecision, ComplaintStatus> = {
  accept: 'accepted',
  reject: 'rejected',
  forward: 'forwarded',
};

/** Records the acceptance review's decision (受理 / 不予受理 / 转送) on the complaint and announces it. */
@Injectable()
@JobWorker({ type: JOB.recordAcceptanceDecision })
export class RecordAcceptanceDecisionWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const complaintId = job.businessKey ?? '';
    const vars = fromEngineVariables(job.variables);
    const decision = vars.decision as AcceptanceDecision | undefined;
    const reason = typeof vars.reason === 'string' ? vars.reason : undefined;
    if (!decision || !(decision in STATUS))
      return fail(`decision variable missing or invalid: ${String(decision)}`);
    const complaint = await manager.findOneBy(ComplaintEntity, { id: complaintId });
    if (!complaint) return bpmnError(BPMN_ERROR.complaintNotFound, `complaint ${complaintId} not found`);
    const decidedAt = new Date();
    await manager.update(
      ComplaintEntity,
      { id: complaintId },
      { status: STATUS[decision], decision, decisionReason: reason ?? null, decidedAt },
    );
    await this.outbox.record<ComplaintAcceptanceDecidedV1>(manager, {
      topic: TOPIC.complaintAcceptanceDecided,
      subject: complaintId,
      data: { complaintId, decision, reason, decidedAt: decidedAt.toISOString() },
    });
    return complete({ acceptanceStatus: STATUS[decision] });
  }
}
