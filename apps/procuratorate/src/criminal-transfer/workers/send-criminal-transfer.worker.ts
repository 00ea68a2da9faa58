import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  BODY,
  CriminalCaseCopiedV1,
  CriminalCaseTransferredV1,
  JOB,
  TOPIC,
  TRANSFER_KIND,
} from '@oversight/contracts';
import { beijingDate } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ProcuratorateConfig } from '../../procuratorate.config';
import {
  CriminalTransferDocumentEntity,
  CriminalTransferEntity,
  CriminalTransferStepEntity,
} from '../criminal-transfer.entity';
import { DOCUMENT_KINDS, DocumentKind } from '../criminal-transfer.dto';
import { dueVariables, stepDue } from '../due.util';
import { nextDocumentNumber } from '../process-step.util';
import { recordStep, recordTransferChange, transferChange } from '../transfer-events.util';
import { transferJobContext } from './transfer-job.util';

/**
 * 移送: numbers the transfer letter, sends the package to the police and the copy (抄送) to the
 * procuratorate (and the justice bureau where configured) the same moment; the police's 24 hours start.
 * A redelivered job finds the transfer sent and only repeats the due dates.
 */
@Injectable()
@JobWorker({ type: JOB.sendCriminalTransfer })
export class SendCriminalTransferWorker implements JobHandler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: ProcuratorateConfig,
  ) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { transfer: t } = await transferJobContext(job, manager);
    if (!t) return fail(`criminal transfer ${job.businessKey} not found`);
    if (t.transferredAt) {
      return complete({
        dueAt: t.dueAt?.toISOString() ?? null,
        escalateAt: t.escalateAt?.toISOString() ?? null,
      });
    }
    if (t.status !== 'approved') return fail(`criminal transfer ${t.id} is not approved`);
    const now = new Date();
    const year = beijingDate(now).slice(0, 4);
    const referenceNo = await nextDocumentNumber(
      manager,
      `transfer:${t.agencyOrg}`,
      `${t.agencyOrg}刑移`,
      year,
    );
    const due = stepDue('police-receipt', now);
    const copyTo: string[] = [
      BODY.procuratorate,
      ...(this.config.copyJusticeBureau ? [BODY.justiceBureau] : []),
    ];
    await manager.update(
      CriminalTransferEntity,
      { id: t.id },
      {
        status: 'transferred',
        referenceNo,
        transferredAt: now,
        copiedAt: now,
        copiedTo: copyTo,
        currentStep: 'police-receipt',
        dueAt: due.dueAt,
        escalateAt: due.escalateAt,
        dueRule: due.rule as never,
        overdueAt: null,
      },
    );
    const docs = await manager.find(CriminalTransferDocumentEntity, {
      where: { transferId: t.id },
      order: { createdAt: 'ASC' },
    });
    const data: CriminalCaseTransferredV1 = {
      caseId: t.id,
      referenceNo,
      agencyOrg: t.agencyOrg,
      policeOrg: t.policeOrg,
      title: t.title,
      suspectedOffence: t.suspectedOffence,
      amountYuan: t.amountYuan,
      documents: docs.map((d) => ({
        kind: d.kind,
        name: DOCUMENT_KINDS[d.kind as DocumentKind]?.zh ?? d.kind,
        filename: d.filename,
        sha256: d.sha256,
      })),
      transferredAt: now.toISOString(),
      receiptDue: { dueAt: due.dueAt.toISOString(), rule: due.rule },
    };
    await this.outbox.record<CriminalCaseTransferredV1>(manager, {
      topic: TOPIC.criminalCaseTransferred,
      subject: t.id,
      data,
    });
    await this.outbox.record<CriminalCaseCopiedV1>(manager, {
      topic: TOPIC.criminalCaseCopied,
      subject: t.id,
      data: { ...data, copyTo },
    });
    await manager.insert(CriminalTransferStepEntity, {
      id: randomUUID(),
      transferId: t.id,
      step: 'transferred',
      byOrg: t.agencyOrg,
      byUser: null,
      decision: referenceNo,
      reasons: null,
    });
    await recordStep(this.outbox, manager, t.id, 'transferred', t.agencyOrg, { decision: referenceNo });
    const sent = { ...t, referenceNo };
    await recordTransferChange(
      this.outbox,
      manager,
      transferChange(sent, {
        status: 'transferred',
        dueAt: due.dueAt.toISOString(),
        basis: due.rule.basis,
        documents: [{ name: '涉嫌犯罪案件移送书', ref: referenceNo }],
      }),
    );
    for (const org of copyTo) {
      await recordTransferChange(
        this.outbox,
        manager,
        transferChange(
          sent,
          {
            status: 'copied',
            closed: true,
            documents: [{ name: '涉嫌犯罪案件移送书（抄送）', ref: referenceNo }],
          },
          TRANSFER_KIND.criminalCaseCopy,
          { receiver: org, sourceRef: org === BODY.procuratorate ? t.id : `${t.id}:${org}` },
        ),
      );
    }
    return complete({ referenceNo, ...dueVariables(due) });
  }
}
