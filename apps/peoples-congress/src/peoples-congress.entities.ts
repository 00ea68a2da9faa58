import { AnnualReportEntity } from './annual-report/annual-report.entity';
import {
  InspectionEvidenceEntity,
  InspectionFindingEntity,
  InspectionFindingStepEntity,
  InspectionNoticeEntity,
  JointInspectionEntity,
} from './joint-inspection/joint-inspection.entity';

export const PEOPLES_CONGRESS_ENTITIES = [
  JointInspectionEntity,
  InspectionFindingEntity,
  InspectionEvidenceEntity,
  InspectionFindingStepEntity,
  InspectionNoticeEntity,
  AnnualReportEntity,
];
