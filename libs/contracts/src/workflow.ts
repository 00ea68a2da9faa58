/** Process ids: `<app>-<process>`, the BPMN file lives in `bpmn/<app>/<process>.bpmn`. */
export const PROCESS = {
  complaintHandling: 'justice-bureau-complaint-handling',
} as const;

/** Job types (external-task topics): `<app>.<verb-noun>`. */
export const JOB = {
  recordAcceptanceDecision: 'justice-bureau.record-acceptance-decision',
  raiseOverdueNotice: 'justice-bureau.raise-overdue-notice',
} as const;

/** User task definition keys the tasklist and console know about. */
export const USER_TASK = {
  acceptanceReview: 'acceptance-review',
} as const;

/** BPMN error codes (UPPER_SNAKE), catalogued in bpmn/README.md. */
export const BPMN_ERROR = {
  complaintNotFound: 'COMPLAINT_NOT_FOUND',
} as const;
