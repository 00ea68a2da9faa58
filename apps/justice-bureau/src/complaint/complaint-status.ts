import type { Bilingual } from '@oversight/platform';
import type { ComplaintEntity, ComplaintStatus } from './complaint.entity';

export const STATUS_LABEL: Record<ComplaintStatus, Bilingual> = {
  registered: { zh: '已登记', en: 'Registered' },
  'in-review': { zh: '受理审查中', en: 'Under acceptance review' },
  rejected: { zh: '不予受理', en: 'Not accepted' },
  forwarded: { zh: '已转送有权机关', en: 'Forwarded to the competent organ' },
  accepted: { zh: '已受理，待交办', en: 'Accepted, awaiting assignment' },
  assigned: { zh: '承办单位办理中', en: 'Being handled by the agency' },
  'draft-submitted': { zh: '答复草稿审核中', en: 'Draft reply under review' },
  approved: { zh: '待答复', en: 'Reply being issued' },
  replied: { zh: '已答复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Closed' },
};

const OPEN_HANDLING: ComplaintStatus[] = ['accepted', 'assigned', 'draft-submitted', 'approved'];

/** The deadline the complaint is currently working against, if any. */
export function currentDueAt(c: ComplaintEntity): Date | null {
  if (c.status === 'registered' || c.status === 'in-review') return c.acceptanceDueAt;
  if (OPEN_HANDLING.includes(c.status)) return c.handlingDueAt ?? c.acceptanceDueAt;
  if (c.status === 'replied' && !c.followedUpAt) return c.followUpDueAt;
  return null;
}

export function isOverdue(c: ComplaintEntity, now = new Date()): boolean {
  const due = currentDueAt(c);
  return due !== null && due.getTime() < now.getTime();
}

/** Whether the handling limit was kept: replied by the (possibly extended) due date. */
export function repliedOnTime(c: ComplaintEntity): boolean | null {
  if (!c.repliedAt || !c.handlingDueAt) return null;
  return c.repliedAt.getTime() <= c.handlingDueAt.getTime();
}
