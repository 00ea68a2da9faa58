import { EntityManager } from 'typeorm';
import { BODY, TransferChangedV1 } from '@oversight/contracts';
import { lockedClueOfJob, recordReceivedClueTransfer } from '@oversight/clue-referral';
import { OutboxService } from '@oversight/messaging';
import { LockedJob } from '@oversight/workflow';
import { ReceivedClueEntity } from '../received-clue.entity';

export { text } from '@oversight/clue-referral';

/** The received clue a job belongs to (the business key is the referral id), locked for the step. */
export const clueJobContext = (job: LockedJob, manager: EntityManager) =>
  lockedClueOfJob(ReceivedClueEntity, job, manager);

/** The bureau's word on the transfer the sender opened. */
export const recordTransfer = (
  outbox: OutboxService,
  manager: EntityManager,
  c: ReceivedClueEntity,
  change: Pick<TransferChangedV1, 'status' | 'dueAt' | 'closed' | 'basis' | 'documents'>,
) => recordReceivedClueTransfer(outbox, manager, BODY.justiceBureau, c, change);
