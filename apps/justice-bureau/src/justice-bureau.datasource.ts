import { SERVICE } from '@oversight/contracts';
import { serviceDataSourceOptions } from '@oversight/database';
import { JUSTICE_BUREAU_ENTITIES } from './justice-bureau.entities';
import { CreateComplaintTables1764115200000 } from './migrations/1764115200000-create-complaint-tables';
import { ComplaintHandling1764201600000 } from './migrations/1764201600000-complaint-handling';
import { CreateClueReferralTables1764400000000 } from './migrations/1764400000000-create-clue-referral-tables';
import { CreateAcceptanceCampaignTables1764500000000 } from './migrations/1764500000000-create-acceptance-campaign-tables';
import { CreateCriminalCaseCopy1764604000000 } from './migrations/1764604000000-create-criminal-case-copy';
import { CreateDeadLetterTable1764700000000 } from './migrations/1764700000000-create-dead-letter-table';
import { CreateAuditLog1764800000000 } from './migrations/1764800000000-create-audit-log';
import { CreateSupervisionCaseTables1765000000000 } from './migrations/1765000000000-create-supervision-case-tables';
import { CreateRegisterTables1765300000000 } from './migrations/1765300000000-create-register-tables';
import { CreateCaseFileReviewTables1765200000000 } from './migrations/1765200000000-create-case-file-review-tables';
import { CreateFollowUpVisitTables1765200001000 } from './migrations/1765200001000-create-follow-up-visit-tables';
import { CreateAssessmentTables1765400000000 } from './migrations/1765400000000-create-assessment-tables';
import { SupervisionCaseBackLinks1765500000000 } from './migrations/1765500000000-supervision-case-back-links';

/** The data source the `migrate` target runs; the app itself never migrates at boot. */
export const buildDataSourceOptions = (url: string) =>
  serviceDataSourceOptions({
    url,
    service: SERVICE.justiceBureau,
    entities: JUSTICE_BUREAU_ENTITIES,
    migrations: [
      CreateComplaintTables1764115200000,
      ComplaintHandling1764201600000,
      CreateClueReferralTables1764400000000,
      CreateAcceptanceCampaignTables1764500000000,
      CreateCriminalCaseCopy1764604000000,
      CreateDeadLetterTable1764700000000,
      CreateAuditLog1764800000000,
      CreateSupervisionCaseTables1765000000000,
      CreateRegisterTables1765300000000,
      CreateCaseFileReviewTables1765200000000,
      CreateFollowUpVisitTables1765200001000,
      CreateAssessmentTables1765400000000,
      SupervisionCaseBackLinks1765500000000,
    ],
  });
