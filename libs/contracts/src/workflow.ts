/** Process ids: `<app>-<process>`, the BPMN file lives in `bpmn/<app>/<process>.bpmn`. */
export const PROCESS = {
  complaintHandling: 'justice-bureau-complaint-handling',
  // Problem-clue referral (issue 5): one sending and one handling definition per service, same structure.
  bureauClueReferralSending: 'justice-bureau-clue-referral-sending',
  bureauClueHandling: 'justice-bureau-clue-handling',
  commissionClueReferralSending: 'discipline-commission-clue-referral-sending',
  commissionClueHandling: 'discipline-commission-clue-handling',
  // Creation-stage acceptance campaign (先行区创建验收), issue 6
  acceptanceCampaign: 'justice-bureau-acceptance-campaign',
  // Criminal-justice handoff (行政执法与刑事司法衔接), issue 4
  criminalTransfer: 'procuratorate-criminal-transfer',
  procuratorialOpinion: 'procuratorate-procuratorial-opinion',
  // Supervision cases (行政执法监督检查案件), issue 11
  supervisionCase: 'justice-bureau-supervision-case',
  // Joint enforcement inspections and annual reports (people's congress), issue 11
  jointInspection: 'peoples-congress-joint-inspection',
  annualReport: 'peoples-congress-annual-report',
} as const;

/** Job types (external-task topics): `<app>.<verb-noun>`. */
export const JOB = {
  recordAcceptanceDecision: 'justice-bureau.record-acceptance-decision',
  recordAssignment: 'justice-bureau.record-assignment',
  recordObjection: 'justice-bureau.record-objection',
  closeObjectionWindow: 'justice-bureau.close-objection-window',
  recordDraftReply: 'justice-bureau.record-draft-reply',
  recordReview: 'justice-bureau.record-review',
  recordReply: 'justice-bureau.record-reply',
  recordExtensionDecision: 'justice-bureau.record-extension-decision',
  recordFollowUp: 'justice-bureau.record-follow-up',
  recordAppealDecision: 'justice-bureau.record-appeal-decision',
  closeComplaint: 'justice-bureau.close-complaint',
  raiseSupervisionNotice: 'justice-bureau.raise-supervision-notice',
  // Problem-clue referral (issue 5): the bureau sending ...
  bureauRecordReferralSubmission: 'justice-bureau.record-referral-submission',
  bureauRecordReferralApproval: 'justice-bureau.record-referral-approval',
  bureauSendClueReferral: 'justice-bureau.send-clue-referral',
  bureauRaiseFeedbackNotice: 'justice-bureau.raise-feedback-notice',
  bureauCloseClueReferral: 'justice-bureau.close-clue-referral',
  // ... the bureau receiving ...
  bureauRegisterClue: 'justice-bureau.register-clue',
  bureauRecordJurisdictionDecision: 'justice-bureau.record-jurisdiction-decision',
  bureauRecordClueHandling: 'justice-bureau.record-clue-handling',
  bureauRecordClueResult: 'justice-bureau.record-clue-result',
  // ... the commission receiving ...
  commissionRegisterClue: 'discipline-commission.register-clue',
  commissionRecordJurisdictionDecision: 'discipline-commission.record-jurisdiction-decision',
  commissionRecordClueDisposal: 'discipline-commission.record-clue-disposal',
  commissionRecordClueHandling: 'discipline-commission.record-clue-handling',
  commissionRecordClueResult: 'discipline-commission.record-clue-result',
  commissionRaiseClueNotice: 'discipline-commission.raise-clue-notice',
  // ... and the commission sending.
  commissionRecordReferralSubmission: 'discipline-commission.record-referral-submission',
  commissionRecordReferralApproval: 'discipline-commission.record-referral-approval',
  commissionSendClueReferral: 'discipline-commission.send-clue-referral',
  commissionRaiseFeedbackNotice: 'discipline-commission.raise-feedback-notice',
  commissionCloseClueReferral: 'discipline-commission.close-clue-referral',
  // Creation-stage acceptance campaign (先行区创建验收), issue 6
  recordWorkPlan: 'justice-bureau.record-work-plan',
  advanceAcceptanceStage: 'justice-bureau.advance-acceptance-stage',
  recordSelfCheck: 'justice-bureau.record-self-check',
  recordInspection: 'justice-bureau.record-inspection',
  recordRectification: 'justice-bureau.record-rectification',
  raiseAcceptanceNotice: 'justice-bureau.raise-acceptance-notice',
  recordCampaignSummary: 'justice-bureau.record-campaign-summary',
  // Criminal-justice handoff (行政执法与刑事司法衔接), issue 4
  sendCriminalTransfer: 'procuratorate.send-criminal-transfer',
  raiseTransferNotice: 'procuratorate.raise-transfer-notice',
  closeCriminalTransfer: 'procuratorate.close-criminal-transfer',
  raiseOpinionNotice: 'procuratorate.raise-opinion-notice',
  // Supervision cases (行政执法监督检查案件), issue 11
  recordSupervisionFiling: 'justice-bureau.record-supervision-filing',
  recordSupervisionInvestigation: 'justice-bureau.record-supervision-investigation',
  recordSupervisionHandling: 'justice-bureau.record-supervision-handling',
  recordSupervisionReply: 'justice-bureau.record-supervision-reply',
  recordSupervisionReview: 'justice-bureau.record-supervision-review',
  raiseSupervisionCaseNotice: 'justice-bureau.raise-supervision-case-notice',
  // Joint enforcement inspections and annual reports (people's congress), issue 11
  raiseInspectionNotice: 'peoples-congress.raise-inspection-notice',
  flagLateReply: 'peoples-congress.flag-late-reply',
} as const;

/** User task definition keys the tasklist and console know about. */
export const USER_TASK = {
  acceptanceReview: 'acceptance-review',
  assignAgency: 'assign-agency',
  agencyHandling: 'agency-handling',
  reviewDraft: 'review-draft',
  replyComplainant: 'reply-complainant',
  approveExtension: 'approve-extension',
  followUpVisit: 'follow-up-visit',
  appealReview: 'appeal-review',
  appealRecheck: 'appeal-recheck',
  // Problem-clue referral (issue 5), the same keys in both services' processes
  draftReferral: 'draft-referral',
  approveReferral: 'approve-referral',
  decideJurisdiction: 'decide-jurisdiction',
  chooseDisposal: 'choose-disposal',
  handleClue: 'handle-clue',
  decideClue: 'decide-clue',
  // Creation-stage acceptance campaign (先行区创建验收), issue 6
  submitWorkPlan: 'submit-work-plan',
  unitSelfCheck: 'unit-self-check',
  inspectUnit: 'inspect-unit',
  rectifyUnit: 'rectify-unit',
  reinspectUnit: 'reinspect-unit',
  summariseCampaign: 'summarise-campaign',
  // Criminal-justice handoff (行政执法与刑事司法衔接), issue 4
  headDecision: 'head-decision',
  transferToPolice: 'transfer-to-police',
  policeReceipt: 'police-receipt',
  filingDecision: 'filing-decision',
  exhibitHandover: 'exhibit-handover',
  agencyResponse: 'agency-response',
  reconsiderationDecision: 'reconsideration-decision',
  supervisionProposal: 'supervision-proposal',
  supervisionReview: 'supervision-review',
  policeReasons: 'police-reasons',
  reasonsAssessment: 'reasons-assessment',
  policeOpenCase: 'police-open-case',
  opinionReply: 'opinion-reply',
  // Supervision cases (行政执法监督检查案件), issue 11
  approveSupervisionFiling: 'approve-supervision-filing',
  investigateSupervisionCase: 'investigate-supervision-case',
  approveSupervisionHandling: 'approve-supervision-handling',
  rectifySupervisionFindings: 'rectify-supervision-findings',
  reviewSupervisionRectification: 'review-supervision-rectification',
  // Joint enforcement inspections and annual reports (people's congress), issue 11
  rectifyFinding: 'rectify-finding',
  bureauReply: 'bureau-reply',
} as const;

/** Message names correlated to running instances by business key. */
export const MESSAGE = {
  complaintAssignmentObjected: 'complaint-assignment-objected',
  complaintExtensionRequested: 'complaint-extension-requested',
  complaintDeadlineExtended: 'complaint-deadline-extended',
  complaintAppealRequested: 'complaint-appeal-requested',
  complaintRecheckRequested: 'complaint-recheck-requested',
  // Problem-clue referral (issue 5): a feedback reached the sender (either sending process)
  clueReceiptReceived: 'clue-referral-receipt-received',
  clueStatusReceived: 'clue-referral-status-received',
  clueResultReceived: 'clue-referral-result-received',
} as const;

/** BPMN error codes (UPPER_SNAKE), catalogued in bpmn/README.md. */
export const BPMN_ERROR = {
  complaintNotFound: 'COMPLAINT_NOT_FOUND',
} as const;
