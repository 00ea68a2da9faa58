import { EntityManager } from 'typeorm';
import {
  CLUE_SOURCE_TYPES,
  TOPIC,
  TRANSFER_KIND,
  TransferChangedV1,
  transferKey,
} from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { fromEngineVariables, LockedJob, PlainVariables } from '@oversight/workflow';
import { ClueEntity } from '../clue.entity';

/** The clue a job belongs to (the business key is the referral id), locked for the step. */
export async function clueJobContext(
  job: LockedJob,
  manager: EntityManager,
): Promise<{ clue: ClueEntity | null; vars: PlainVariables }> {
  const clue = await manager.findOne(ClueEntity, {
    where: { id: job.businessKey ?? '' },
    lock: { mode: 'pessimistic_write' },
  });
  return { clue, vars: fromEngineVariables(job.variables) };
}

export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The parties of every feedback event on this clue. */
export const partiesOf = (c: ClueEntity) => ({ referralId: c.id, senderOrg: c.senderOrg, receiverOrg: 'jw' });

/** The receiver's word on the transfer the sender opened (same kind and source ref, so one register row). */
export async function recordTransfer(
  outbox: OutboxService,
  manager: EntityManager,
  c: ClueEntity,
  change: Pick<TransferChangedV1, 'status' | 'dueAt' | 'closed' | 'basis' | 'documents'>,
): Promise<void> {
  const transfer: TransferChangedV1 = {
    kind: TRANSFER_KIND.clueReferral,
    sourceRef: c.id,
    sender: c.senderOrg,
    receiver: 'jw',
    subject: `问题线索移送 ${c.referenceNo}（来源：${CLUE_SOURCE_TYPES[c.sourceType].zh}）`,
    ...change,
  };
  await outbox.record<TransferChangedV1>(manager, {
    topic: TOPIC.transferChanged,
    subject: transferKey(transfer),
    data: transfer,
  });
}
