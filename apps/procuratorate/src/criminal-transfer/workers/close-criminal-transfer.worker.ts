import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BODY, JOB } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { CriminalTransferEntity, CriminalTransferStepEntity } from '../criminal-transfer.entity';
import { recordStep, recordTransferChange, transferChange } from '../transfer-events.util';
import { transferJobContext } from './transfer-job.util';

/** The handoff ended (exhibits handed over, or the agency handles the case administratively): 办结. */
@Injectable()
@JobWorker({ type: JOB.closeCriminalTransfer })
export class CloseCriminalTransferWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { transfer: t } = await transferJobContext(job, manager);
    if (!t) return fail(`criminal transfer ${job.businessKey} not found`);
    if (t.closedAt) return complete();
    const closedAt = new Date();
    await manager.update(
      CriminalTransferEntity,
      { id: t.id },
      { status: 'closed', closedAt, currentStep: null, dueAt: null, escalateAt: null, dueRule: null },
    );
    await manager.insert(CriminalTransferStepEntity, {
      id: randomUUID(),
      transferId: t.id,
      step: 'closed',
      byOrg: BODY.procuratorate,
      byUser: null,
      decision: t.outcome,
      reasons: null,
    });
    await recordStep(this.outbox, manager, t.id, 'closed', BODY.procuratorate, {
      decision: t.outcome ?? undefined,
    });
    if (t.transferredAt) {
      await recordTransferChange(
        this.outbox,
        manager,
        transferChange(t, { status: t.outcome ?? 'closed', closed: true, overdue: false }),
      );
    }
    return complete();
  }
}
