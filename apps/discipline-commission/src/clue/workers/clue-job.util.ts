import { EntityManager } from 'typeorm';
import { BODY, TransferChangedV1 } from '@oversight/contracts';
import { lockedClueOfJob, recordReceivedClueTransfer } from '@oversight/clue-referral';
import { OutboxService } from '@oversight/messaging';
import { LockedJob } from '@oversight/workflow';
import { ClueEntity } from '../clue.entity';

export { text } from '@oversight/clue-referral';

/** The clue a job belongs to (the business key is the referral id), locked for the step. */
export const clueJobContext = (job: LockedJob, manager: EntityManager) =>
  lockedClueOfJob(ClueEntity, job, manager);

/** The parties of every feedback event on this clue. */
export const partiesOf = (c: ClueEntity) => ({
  referralId: c.id,
  senderOrg: c.senderOrg,
  receiverOrg: BODY.disciplineCommission,
});

/** The commission's word on the transfer the sender opened. */
export const recordTransfer = (
  outbox: OutboxService,
  manager: EntityManager,
  c: ClueEntity,
  change: Pick<TransferChangedV1, 'status' | 'dueAt' | 'closed' | 'basis' | 'documents'>,
) => recordReceivedClueTransfer(outbox, manager, BODY.disciplineCommission, c, change);
