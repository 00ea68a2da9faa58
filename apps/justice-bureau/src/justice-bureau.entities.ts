import { ComplainantEntity } from './complaint/complainant.entity';
import { ComplaintEntity } from './complaint/complaint.entity';
import { OrganisationEntity } from './organisation/organisation.entity';

export const JUSTICE_BUREAU_ENTITIES = [OrganisationEntity, ComplaintEntity, ComplainantEntity];
