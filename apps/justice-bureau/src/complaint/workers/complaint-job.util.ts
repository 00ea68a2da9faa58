import { EntityManager } from 'typeorm';
import { fromEngineVariables, LockedJob, PlainVariables } from '@oversight/workflow';
import { ComplaintEntity } from '../complaint.entity';

/** The complaint a job belongs to (the business key), and the job's variables. */
export async function jobContext(
  job: LockedJob,
  manager: EntityManager,
): Promise<{ complaint: ComplaintEntity | null; vars: PlainVariables }> {
  const complaint = await manager.findOneBy(ComplaintEntity, { id: job.businessKey ?? '' });
  return { complaint, vars: fromEngineVariables(job.variables) };
}

export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export function iso(date: Date): string {
  return date.toISOString();
}
