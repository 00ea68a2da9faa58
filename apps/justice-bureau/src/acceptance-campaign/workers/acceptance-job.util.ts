import { EntityManager } from 'typeorm';
import { fromEngineVariables, LockedJob, PlainVariables } from '@oversight/workflow';
import { AcceptanceCampaignEntity, AcceptanceUnitEntity } from '../acceptance-campaign.entity';
import { lockUnit } from '../acceptance-stage.util';

export interface AcceptanceJobContext {
  campaign: AcceptanceCampaignEntity | null;
  /** The unit of the multi-instance branch the job runs in; null at campaign level. */
  unit: AcceptanceUnitEntity | null;
  vars: PlainVariables;
}

/** The campaign (the business key), the unit of the job's branch (locked), and the job's variables. */
export async function acceptanceJobContext(
  job: LockedJob,
  manager: EntityManager,
): Promise<AcceptanceJobContext> {
  const vars = fromEngineVariables(job.variables);
  const campaign = await manager.findOneBy(AcceptanceCampaignEntity, { id: job.businessKey ?? '' });
  const unitCode = typeof vars.unitCode === 'string' ? vars.unitCode : null;
  const unit = campaign && unitCode ? await lockUnit(manager, campaign.id, unitCode) : null;
  return { campaign, unit, vars };
}

export const idOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
