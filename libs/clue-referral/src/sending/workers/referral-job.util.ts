import { EntityManager } from 'typeorm';
import { TRANSFER_KIND, TransferChangedV1, CLUE_SOURCE_TYPES } from '@oversight/contracts';
import { fromEngineVariables, LockedJob, PlainVariables } from '@oversight/workflow';
import { ClueReferralEntity } from '../clue-referral.entity';
import type { ClueReferralSender } from '../clue-referral-sender';

/** The referral a job belongs to (the business key), locked for the step, and the job's variables. */
export async function referralJobContext(
  job: LockedJob,
  manager: EntityManager,
): Promise<{ referral: ClueReferralEntity | null; vars: PlainVariables }> {
  const referral = await manager.findOne(ClueReferralEntity, {
    where: { id: job.businessKey ?? '' },
    lock: { mode: 'pessimistic_write' },
  });
  return { referral, vars: fromEngineVariables(job.variables) };
}

export { text } from '../../process-step.util';

/** The liaison register's view of a referral: who, to whom, what (no names of persons), when due. */
export function referralTransfer(
  sender: Pick<ClueReferralSender, 'org'>,
  r: ClueReferralEntity,
  change: Omit<TransferChangedV1, 'kind' | 'sourceRef' | 'sender' | 'receiver' | 'subject'>,
): TransferChangedV1 {
  return {
    kind: TRANSFER_KIND.clueReferral,
    sourceRef: r.id,
    sender: sender.org,
    receiver: r.receiverOrg,
    subject: `问题线索移送 ${r.referenceNo ?? ''}（来源：${CLUE_SOURCE_TYPES[r.sourceType].zh}）`,
    ...change,
  };
}
