import { EntityManager } from 'typeorm';
import { beijingDate } from '@oversight/deadlines';
import { CallerInfo, forbidden, unprocessable } from '@oversight/platform';
import { OrganisationEntity } from '../organisation/organisation.entity';
import type { OrganisationKind } from '../organisation/organisation.seed';
import { BUREAU } from './register-rules';

export const isBureau = (caller: CallerInfo) => caller.org === BUREAU;

/** The organisation whose records the caller may see: null = all (the bureau), else its own. */
export function ownerScope(caller: CallerInfo): string | null {
  if (!caller.org)
    throw forbidden({ zh: '请以本单位身份登录。', en: 'Sign in as a member of an organisation.' });
  return isBureau(caller) ? null : caller.org;
}

/** A record of another organisation does not exist for the caller (its existence is not disclosed). */
export const visibleTo = (caller: CallerInfo, orgCode: string) => isBureau(caller) || caller.org === orgCode;

/** An organisation named by code in a request body: 422 if it is unknown or of the wrong kind. */
export async function requireOrganisation(
  manager: EntityManager,
  code: string,
  kinds?: OrganisationKind[],
): Promise<OrganisationEntity> {
  const org = await manager.findOneBy(OrganisationEntity, { code });
  if (!org) {
    throw unprocessable({
      zh: `单位代码“${code}”不存在。`,
      en: `There is no organisation with code "${code}".`,
    });
  }
  if (kinds && !kinds.includes(org.kind)) {
    throw unprocessable({
      zh: `单位“${org.name}”不是${kinds.map(kindZh).join('或')}。`,
      en: `${org.name} is not a ${kinds.join(' or ')}.`,
    });
  }
  return org;
}

const kindZh = (kind: OrganisationKind) =>
  ({ agency: '县直行政执法部门', town: '镇（区）' })[kind as 'agency' | 'town'] ?? kind;

export const beijingYear = (now = new Date()) => Number(beijingDate(now).slice(0, 4));
