/** Process ids: `<app>-<process>`, the BPMN file lives in `bpmn/<app>/<process>.bpmn`. */
export const PROCESS = {
  complaintHandling: 'justice-bureau-complaint-handling',
  // Creation-stage acceptance campaign (先行区创建验收), issue 6
  acceptanceCampaign: 'justice-bureau-acceptance-campaign',
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
  // Creation-stage acceptance campaign (先行区创建验收), issue 6
  recordWorkPlan: 'justice-bureau.record-work-plan',
  advanceAcceptanceStage: 'justice-bureau.advance-acceptance-stage',
  recordSelfCheck: 'justice-bureau.record-self-check',
  recordInspection: 'justice-bureau.record-inspection',
  recordRectification: 'justice-bureau.record-rectification',
  raiseAcceptanceNotice: 'justice-bureau.raise-acceptance-notice',
  recordCampaignSummary: 'justice-bureau.record-campaign-summary',
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
  // Creation-stage acceptance campaign (先行区创建验收), issue 6
  submitWorkPlan: 'submit-work-plan',
  unitSelfCheck: 'unit-self-check',
  inspectUnit: 'inspect-unit',
  rectifyUnit: 'rectify-unit',
  reinspectUnit: 'reinspect-unit',
  summariseCampaign: 'summarise-campaign',
} as const;

/** Message names correlated to running instances by business key. */
export const MESSAGE = {
  complaintAssignmentObjected: 'complaint-assignment-objected',
  complaintExtensionRequested: 'complaint-extension-requested',
  complaintDeadlineExtended: 'complaint-deadline-extended',
  complaintAppealRequested: 'complaint-appeal-requested',
  complaintRecheckRequested: 'complaint-recheck-requested',
} as const;

/** BPMN error codes (UPPER_SNAKE), catalogued in bpmn/README.md. */
export const BPMN_ERROR = {
  complaintNotFound: 'COMPLAINT_NOT_FOUND',
} as const;
