import type { ClueSourceType } from '@oversight/contracts';
import { createClueReferralDto } from '@oversight/clue-referral';

export {
  ClueReferralContentDto,
  ClueReferralListQuery,
  EvidenceItemDto,
  ReferralApprovalDto,
} from '@oversight/clue-referral';

/** Where the commission finds clues of enforcement failings (domain.md §2.3, reverse direction). */
export const COMMISSION_SOURCE_TYPES = [
  'daily-supervision',
  'case-investigation',
  'petition-report',
  'inspection',
] as const satisfies readonly ClueSourceType[];

export class CreateClueReferralDto extends createClueReferralDto(
  COMMISSION_SOURCE_TYPES,
  '来源编号 / source reference, e.g. a case or report number',
) {}
