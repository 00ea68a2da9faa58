import { EntityManager } from 'typeorm';
import { fromEngineVariables, LockedJob, PlainVariables } from '@oversight/workflow';
import { CriminalTransferEntity } from '../criminal-transfer.entity';

/** The transfer a job belongs to (the business key), locked for the step, and the job's variables. */
export async function transferJobContext(
  job: LockedJob,
  manager: EntityManager,
): Promise<{ transfer: CriminalTransferEntity | null; vars: PlainVariables }> {
  const transfer = await manager.findOne(CriminalTransferEntity, {
    where: { id: job.businessKey ?? '' },
    lock: { mode: 'pessimistic_write' },
  });
  return { transfer, vars: fromEngineVariables(job.variables) };
}
