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

/** The standing committee recorded its deliberation opinions (审议意见) on an annual report. */
export interface AnnualReportDeliberatedV1 {
  reportId: string;
  year: number;
  replyDueAt: string;
}
