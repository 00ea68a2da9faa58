import { CriminalCaseCopyEntity } from './criminal-case-copy/criminal-case-copy.entity';
import {
  ClueReferralEvidenceEntity,
  ClueReferralFeedbackEntity,
  ClueReferralNoticeEntity,
} from '@oversight/clue-referral';
import { ClueReferralEntity } from '@oversight/clue-referral';
import { ACCEPTANCE_ENTITIES } from './acceptance-campaign/acceptance-campaign.entity';
import { CASE_FILE_REVIEW_ENTITIES } from './case-file-review/case-file-review.entity';
import { FOLLOW_UP_VISIT_ENTITIES } from './follow-up-visit/follow-up-visit.entity';
import { ASSESSMENT_ENTITIES } from './assessment/assessment.entity';
import { ComplainantEntity } from './complaint/complainant.entity';
import {
  AppealEntity,
  AttachmentEntity,
  ComplaintEventEntity,
  ExtensionRequestEntity,
  IdentityAccessLogEntity,
  SupervisionNoticeEntity,
} from './complaint/complaint-records.entity';
import { ComplaintEntity } from './complaint/complaint.entity';
import { OrganisationEntity } from './organisation/organisation.entity';
import { SUPERVISION_CASE_ENTITIES } from './supervision-case/supervision-case.entity';
import {
  ReceivedClueEntity,
  ReceivedClueNoteEntity,
  ReceivedClueReminderEntity,
} from './received-clue/received-clue.entity';
import { REGISTER_ENTITIES } from './registers/registers.entity';

export const JUSTICE_BUREAU_ENTITIES = [
  CriminalCaseCopyEntity,
  OrganisationEntity,
  ComplaintEntity,
  ComplainantEntity,
  ComplaintEventEntity,
  AttachmentEntity,
  SupervisionNoticeEntity,
  ExtensionRequestEntity,
  AppealEntity,
  IdentityAccessLogEntity,
  ClueReferralEntity,
  ClueReferralEvidenceEntity,
  ClueReferralFeedbackEntity,
  ClueReferralNoticeEntity,
  ReceivedClueEntity,
  ReceivedClueNoteEntity,
  ReceivedClueReminderEntity,
  ...ACCEPTANCE_ENTITIES,
  ...SUPERVISION_CASE_ENTITIES,
  ...REGISTER_ENTITIES,
  ...CASE_FILE_REVIEW_ENTITIES,
  ...FOLLOW_UP_VISIT_ENTITIES,
  ...ASSESSMENT_ENTITIES,
];
