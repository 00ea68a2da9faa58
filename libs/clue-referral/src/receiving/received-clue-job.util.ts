import { EntityManager, EntityTarget } from 'typeorm';
import {
  CLUE_SOURCE_TYPES,
  TOPIC,
  TRANSFER_KIND,
  TransferChangedV1,
  transferKey,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { fromEngineVariables, LockedJob, PlainVariables } from '@oversight/workflow';
import type { ReceivedClueRow } from './clue-receiver';

/** The clue a job belongs to (the business key is the referral id), locked for the step. */
export async function lockedClueOfJob<T extends { id: string }>(
  entity: EntityTarget<T>,
  job: LockedJob,
  manager: EntityManager,
): Promise<{ clue: T | null; vars: PlainVariables }> {
  const clue = await manager.findOne(entity, {
    where: { id: job.businessKey ?? '' } as never,
    lock: { mode: 'pessimistic_write' },
  });
  return { clue, vars: fromEngineVariables(job.variables) };
}

/** The receiver's word on the transfer the sender opened (same kind and source ref, so one register row). */
export async function recordReceivedClueTransfer(
  outbox: OutboxService,
  manager: EntityManager,
  receiverOrg: string,
  c: ReceivedClueRow,
  change: Pick<TransferChangedV1, 'status' | 'dueAt' | 'closed' | 'basis' | 'documents'>,
): Promise<void> {
  const transfer: TransferChangedV1 = {
    kind: TRANSFER_KIND.clueReferral,
    sourceRef: c.id,
    sender: c.senderOrg,
    receiver: receiverOrg,
    subject: `问题线索移送 ${c.referenceNo}（来源：${CLUE_SOURCE_TYPES[c.sourceType].zh}）`,
    ...change,
  };
  await outbox.record<TransferChangedV1>(manager, {
    topic: TOPIC.transferChanged,
    subject: transferKey(transfer),
    data: transfer,
  });
}
