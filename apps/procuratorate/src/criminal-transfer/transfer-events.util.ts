import { EntityManager } from 'typeorm';
import {
  CriminalCaseStep,
  CriminalCaseStepRecordedV1,
  TOPIC,
  TRANSFER_KIND,
  TransferChangedV1,
  transferKey,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { CriminalTransferEntity } from './criminal-transfer.entity';

/** Liaison's view of a transfer: agency → police, no names of persons. */
export function transferChange(
  t: Pick<CriminalTransferEntity, 'id' | 'agencyOrg' | 'policeOrg' | 'caseNo' | 'suspectedOffence'>,
  change: Omit<TransferChangedV1, 'kind' | 'sourceRef' | 'sender' | 'receiver' | 'subject'>,
  kind: string = TRANSFER_KIND.criminalCaseTransfer,
  parties: { sender?: string; receiver?: string; sourceRef?: string } = {},
): TransferChangedV1 {
  return {
    kind,
    sourceRef: parties.sourceRef ?? t.id,
    sender: parties.sender ?? t.agencyOrg,
    receiver: parties.receiver ?? t.policeOrg,
    subject: `涉嫌${t.suspectedOffence}案移送（${t.caseNo}）`,
    ...change,
  };
}

export async function recordTransferChange(
  outbox: OutboxService,
  manager: EntityManager,
  change: TransferChangedV1,
): Promise<void> {
  await outbox.record<TransferChangedV1>(manager, {
    topic: TOPIC.transferChanged,
    subject: transferKey(change),
    data: change,
  });
}

export async function recordStep(
  outbox: OutboxService,
  manager: EntityManager,
  caseId: string,
  step: CriminalCaseStep,
  byOrg: string,
  extra: { decision?: string; reasons?: string | null } = {},
): Promise<void> {
  await outbox.record<CriminalCaseStepRecordedV1>(manager, {
    topic: TOPIC.criminalCaseStepRecorded,
    subject: caseId,
    data: {
      caseId,
      step,
      byOrg,
      ...(extra.decision ? { decision: extra.decision } : {}),
      ...(extra.reasons ? { reasons: extra.reasons } : {}),
      occurredAt: new Date().toISOString(),
    },
  });
}
