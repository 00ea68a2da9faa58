/** Kafka topics: `<app>.<aggregate>.<event-past-tense>.v<N>`. The single home of topic names. */
export const TOPIC = {
  complaintRegistered: 'justice-bureau.complaint.registered.v1',
  complaintProcessStarted: 'justice-bureau.complaint.process-started.v1',
  complaintAcceptanceDecided: 'justice-bureau.complaint.acceptance-decided.v1',
  complaintAssigned: 'justice-bureau.complaint.assigned.v1',
  complaintAssignmentObjected: 'justice-bureau.complaint.assignment-objected.v1',
  complaintDraftSubmitted: 'justice-bureau.complaint.draft-submitted.v1',
  complaintDraftReviewed: 'justice-bureau.complaint.draft-reviewed.v1',
  complaintReplied: 'justice-bureau.complaint.replied.v1',
  complaintDeadlineExtended: 'justice-bureau.complaint.deadline-extended.v1',
  complaintSupervisionNotice: 'justice-bureau.complaint.supervision-notice-raised.v1',
  complaintMisconductFound: 'justice-bureau.complaint.misconduct-found.v1',
  complaintAppealed: 'justice-bureau.complaint.appealed.v1',
  complaintAppealDecided: 'justice-bureau.complaint.appeal-decided.v1',
  complaintClosed: 'justice-bureau.complaint.closed.v1',
  /** Published by every service for its transfers between bodies (TransferChangedV1). */
  transferChanged: 'oversight.transfer.changed.v1',
  // Problem-clue referral, both ways (issue 5): the bureau's topics as sender and as receiver ...
  bureauClueReferralDrafted: 'justice-bureau.clue-referral.drafted.v1',
  bureauClueReferralSent: 'justice-bureau.clue-referral.sent.v1',
  bureauClueFeedbackReminded: 'justice-bureau.clue-referral.feedback-reminded.v1',
  bureauClueReceiptIssued: 'justice-bureau.clue.receipt-issued.v1',
  bureauClueStatusReported: 'justice-bureau.clue.status-reported.v1',
  bureauClueResultReported: 'justice-bureau.clue.result-reported.v1',
  // ... and the discipline commission's, the same events the other way.
  commissionClueReferralDrafted: 'discipline-commission.clue-referral.drafted.v1',
  commissionClueReferralSent: 'discipline-commission.clue-referral.sent.v1',
  commissionClueFeedbackReminded: 'discipline-commission.clue-referral.feedback-reminded.v1',
  commissionClueReceiptIssued: 'discipline-commission.clue.receipt-issued.v1',
  commissionClueStatusReported: 'discipline-commission.clue.status-reported.v1',
  commissionClueResultReported: 'discipline-commission.clue.result-reported.v1',
  // Creation-stage acceptance campaign (先行区创建验收), issue 6
  acceptanceCampaignStarted: 'justice-bureau.acceptance-campaign.started.v1',
  acceptanceUnitStageChanged: 'justice-bureau.acceptance-unit.stage-changed.v1',
  acceptanceUnitEscalated: 'justice-bureau.acceptance-unit.escalated.v1',
  acceptanceUnitInspected: 'justice-bureau.acceptance-unit.inspected.v1',
  acceptanceCampaignClosed: 'justice-bureau.acceptance-campaign.closed.v1',
  // Criminal-justice handoff (行政执法与刑事司法衔接), issue 4
  criminalCaseRegistered: 'procuratorate.criminal-case.registered.v1',
  criminalCaseTransferred: 'procuratorate.criminal-case.transferred.v1',
  criminalCaseCopied: 'procuratorate.criminal-case.copied.v1',
  criminalCaseStepRecorded: 'procuratorate.criminal-case.step-recorded.v1',
  transferSuggestionSent: 'procuratorate.transfer-suggestion.sent.v1',
  procuratorialOpinionSent: 'procuratorate.procuratorial-opinion.sent.v1',
  // Supervision cases and the rest of the plan, issue 11
  /** Any body asks the justice bureau for a supervision case (SupervisionCaseRequestedV1). */
  supervisionCaseRequested: 'oversight.supervision-case.requested.v1',
  supervisionCaseChanged: 'justice-bureau.supervision-case.changed.v1',
  // Joint enforcement inspections and annual reports (people's congress), issue 11
  inspectionRectificationOrdered: 'peoples-congress.inspection-rectification.ordered.v1',
  annualReportDeliberated: 'peoples-congress.annual-report.deliberated.v1',
  /** A joint inspection closed, with per-unit results (JointInspectionClosedV1). */
  jointInspectionClosed: 'peoples-congress.joint-inspection.closed.v1',
  /** The people's congress refers a clue from a joint inspection to the commission (ClueReferralSentV1). */
  congressClueReferralSent: 'peoples-congress.clue-referral.sent.v1',
} as const;
export type Topic = (typeof TOPIC)[keyof typeof TOPIC];
export const ALL_TOPICS: readonly Topic[] = Object.values(TOPIC);
