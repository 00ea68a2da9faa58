import { REGISTER_RULES } from '../register-rules';
import type { CertificateStatus } from './enforcement-person.entity';

export interface ReviewFinding {
  code: 'person-left' | 'no-staffing-proof' | 'suspended-too-long' | 'expired';
  zh: string;
  en: string;
}

export interface ReviewSubject {
  status: CertificateStatus;
  personStatus: string;
  staffingProofs: number;
  /** When the certificate entered its current status (ISO). */
  statusChangedAt: string;
  expiresOn: string | null;
}

/**
 * Why the annual clean-up (年度清理) should look at a certificate again, as of a Beijing day (YYYY-MM-DD):
 * the holder left, no staffing proof (plan 四（二）1), suspended longer than the local limit, or expired.
 */
export function reviewFindings(
  c: ReviewSubject,
  asOf: string,
  suspensionDays: number = REGISTER_RULES.suspensionReviewAfterDays.days,
): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  if (c.personStatus === 'left')
    findings.push({ code: 'person-left', zh: '持证人已离岗', en: 'holder has left' });
  if (c.staffingProofs === 0) {
    findings.push({ code: 'no-staffing-proof', zh: '无编制证明文件', en: 'no staffing proof on file' });
  }
  const endOfDay = Date.parse(`${asOf}T23:59:59.999+08:00`);
  if (c.status === 'suspended' && endOfDay - Date.parse(c.statusChangedAt) > suspensionDays * 86_400_000) {
    findings.push({
      code: 'suspended-too-long',
      zh: `暂扣超过${suspensionDays}日`,
      en: `suspended more than ${suspensionDays} days`,
    });
  }
  if (c.expiresOn && c.expiresOn < asOf) findings.push({ code: 'expired', zh: '证件已过期', en: 'expired' });
  return findings;
}
