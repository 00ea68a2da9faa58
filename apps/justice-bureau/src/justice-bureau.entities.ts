import { ACCEPTANCE_ENTITIES } from './acceptance-campaign/acceptance-campaign.entity';
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

export const JUSTICE_BUREAU_ENTITIES = [
  OrganisationEntity,
  ComplaintEntity,
  ComplainantEntity,
  ComplaintEventEntity,
  AttachmentEntity,
  SupervisionNoticeEntity,
  ExtensionRequestEntity,
  AppealEntity,
  IdentityAccessLogEntity,
  ...ACCEPTANCE_ENTITIES,
];
