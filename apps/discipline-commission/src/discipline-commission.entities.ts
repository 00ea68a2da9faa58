import { ClueEntity, ClueReminderEntity, ClueWorkingNoteEntity } from './clue/clue.entity';
import {
  ClueReferralEvidenceEntity,
  ClueReferralFeedbackEntity,
  ClueReferralNoticeEntity,
} from './clue-referral/clue-referral-records.entity';
import { ClueReferralEntity } from './clue-referral/clue-referral.entity';

export const DISCIPLINE_COMMISSION_ENTITIES = [
  ClueEntity,
  ClueWorkingNoteEntity,
  ClueReminderEntity,
  ClueReferralEntity,
  ClueReferralEvidenceEntity,
  ClueReferralFeedbackEntity,
  ClueReferralNoticeEntity,
];
