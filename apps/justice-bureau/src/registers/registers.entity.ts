import { CatalogueEntryEntity, MatterCatalogueEntity } from './catalogue/matter-catalogue.entity';
import { ContactPointVisitEntity, EnterpriseContactPointEntity } from './contact-points/contact-point.entity';
import { NegativeListEntryEntity } from './negative-list/negative-list-entry.entity';
import {
  CertificateActionEntity,
  EnforcementCertificateEntity,
  EnforcementPersonEntity,
  StaffingProofEntity,
} from './officers/enforcement-person.entity';
import { EnforcementSupervisorEntity } from './supervisors/enforcement-supervisor.entity';
import { TrainingRecordEntity, TrainingRequirementEntity } from './training/training.entity';

export const REGISTER_ENTITIES = [
  MatterCatalogueEntity,
  CatalogueEntryEntity,
  EnforcementPersonEntity,
  StaffingProofEntity,
  EnforcementCertificateEntity,
  CertificateActionEntity,
  TrainingRequirementEntity,
  TrainingRecordEntity,
  NegativeListEntryEntity,
  EnforcementSupervisorEntity,
  EnterpriseContactPointEntity,
  ContactPointVisitEntity,
];
