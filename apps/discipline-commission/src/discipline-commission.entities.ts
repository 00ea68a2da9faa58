import { ClueEntity, ClueReminderEntity, ClueWorkingNoteEntity } from './clue/clue.entity';
import {
  ClueReferralEvidenceEntity,
  ClueReferralFeedbackEntity,
  ClueReferralNoticeEntity,
} from '@oversight/clue-referral';
import { ClueReferralEntity } from '@oversight/clue-referral';

export const DISCIPLINE_COMMISSION_ENTITIES = [
  ClueEntity,
  ClueWorkingNoteEntity,
  ClueReminderEntity,
  ClueReferralEntity,
  ClueReferralEvidenceEntity,
  ClueReferralFeedbackEntity,
  ClueReferralNoticeEntity,
];
