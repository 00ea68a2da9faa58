import { BODY } from '@oversight/contracts';
import { CallerInfo, forbidden } from '@oversight/platform';

/** The four supervising bodies see every transfer; the police and the agencies see their own. */
export const SUPERVISING_BODIES: string[] = [
  BODY.justiceBureau,
  BODY.disciplineCommission,
  BODY.procuratorate,
  BODY.peoplesCongress,
];

export type Scope = { all: true } | { all: false; org: string };

export function scopeOf(caller: CallerInfo): Scope {
  if (!caller.org) {
    throw forbidden({
      zh: '请以联席会议成员单位身份登录。',
      en: 'Sign in as a member of the liaison meeting.',
    });
  }
  return SUPERVISING_BODIES.includes(caller.org) ? { all: true } : { all: false, org: caller.org };
}

/** The meeting secretary: staff of a supervising body with the secretary role. */
export function requireSecretary(caller: CallerInfo): void {
  if (!caller.org || !SUPERVISING_BODIES.includes(caller.org) || !caller.roles.includes('secretary')) {
    throw forbidden({
      zh: '此操作须由联席会议秘书办理。',
      en: 'Only the liaison meeting secretary may do this.',
    });
  }
}
