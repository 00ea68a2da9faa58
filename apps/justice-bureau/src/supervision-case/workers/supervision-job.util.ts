import { EntityManager } from 'typeorm';
import { fromEngineVariables, LockedJob, PlainVariables } from '@oversight/workflow';
import { SupervisionCaseEntity } from '../supervision-case.entity';
import { lockCase } from '../supervision-case.util';

/** The case of the job (its business key, locked for the job's transaction) and the job's variables. */
export async function supervisionJobContext(
  job: LockedJob,
  manager: EntityManager,
): Promise<{ c: SupervisionCaseEntity | null; vars: PlainVariables }> {
  return { c: await lockCase(manager, job.businessKey ?? ''), vars: fromEngineVariables(job.variables) };
}

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A period of a rule with the number of days a decision set instead of the default. */
export const withDays = <R extends { length: number }>(rule: R, days: number | null): R =>
  days ? { ...rule, length: days } : rule;
