/**
 * Joint enforcement inspections (执法检查) and annual reports hosted by the people's congress service
 * (domain.md §1, plan 三（一）1). These events stay inside that service: each starts the engine process
 * that watches one deadline (a rectification notice, the bureau's reply to deliberation opinions).
 */

/** A finding was turned into a rectification notice (整改通知) to the agency, with a deadline. */
export interface InspectionRectificationOrderedV1 {
  findingId: string;
  inspectionId: string;
  agencyCode: string;
  dueAt: string;
}

/** One inspected unit's record in a closed inspection, for the annual assessment. */
export interface JointInspectionUnitResult {
  /** Organisation code of the agency or town. */
  unitCode: string;
  findings: number;
  serious: number;
  supervisionCases: number;
  clueReferrals: number;
  rectifications: number;
  /** Rectifications reported after their deadline (督办 raised). */
  overdueRectifications: number;
}

/**
 * `TOPIC.jointInspectionClosed`: an inspection closed with every finding settled. Published for the annual
 * assessment (`ASSESSMENT_SOURCE.jointInspection`, one input per unit and inspection) and anyone else.
 */
export interface JointInspectionClosedV1 {
  inspectionId: string;
  year: number;
  title: string;
  reportNumber: string;
  units: JointInspectionUnitResult[];
  closedAt: string;
}

/** The standing committee recorded its deliberation opinions (审议意见) on an annual report. */
export interface AnnualReportDeliberatedV1 {
  reportId: string;
  year: number;
  replyDueAt: string;
}
