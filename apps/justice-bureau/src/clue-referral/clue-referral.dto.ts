import type { ClueSourceType } from '@oversight/contracts';
import { createClueReferralDto } from '@oversight/clue-referral';

export {
  ClueReferralContentDto,
  ClueReferralListQuery,
  EvidenceItemDto,
  ReferralApprovalDto,
} from '@oversight/clue-referral';

/** Where the bureau finds clues about enforcement officers (domain.md §2.3). */
export const BUREAU_SOURCE_TYPES = [
  'complaint',
  'supervision-finding',
  'case-file-review',
  'inspection',
] as const satisfies readonly ClueSourceType[];

export class CreateClueReferralDto extends createClueReferralDto(
  BUREAU_SOURCE_TYPES,
  '来源编号 / source reference (a complaint id for complaints)',
) {}
