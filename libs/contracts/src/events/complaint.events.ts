/** Payloads of justice-bureau complaint events. Personal data of the complainant never travels here. */
export type ComplaintChannel = 'web' | 'api' | 'open311' | 'hotline' | 'wechat' | 'referral-12345';

export interface ComplaintRegisteredV1 {
  complaintId: string;
  trackingCode: string;
  channel: ComplaintChannel;
  anonymous: boolean;
  /** Organisation code of the agency complained about. */
  respondentOrg: string;
  category: string;
  summary: string;
  registeredAt: string;
  /** When acceptance must be decided, from the deadline rule table. */
  acceptanceDueAt: string;
  acceptanceRule: DeadlineCitation;
}

export interface ComplaintProcessStartedV1 {
  complaintId: string;
  processInstanceId: string;
}

export type AcceptanceDecision = 'accept' | 'reject' | 'forward';

export interface ComplaintAcceptanceDecidedV1 {
  complaintId: string;
  decision: AcceptanceDecision;
  reason?: string;
  /** The competent organ a forwarded complaint went to. */
  forwardedTo?: string;
  decidedAt: string;
}

/** 交办: the complaint handed to the responsible agency with a deadline. A transfer between bodies. */
export interface ComplaintAssignedV1 {
  complaintId: string;
  agencyOrg: string;
  category: string;
  summary: string;
  assignedAt: string;
  handlingDueAt: string;
  handlingRule: DeadlineCitation;
  /** Until when the agency may object to a wrong assignment. */
  objectionDueAt: string;
}

export interface ComplaintAssignmentObjectedV1 {
  complaintId: string;
  agencyOrg: string;
  reason: string;
  objectedAt: string;
}

export interface ComplaintDraftSubmittedV1 {
  complaintId: string;
  agencyOrg: string;
  substantiated: boolean;
  submittedAt: string;
}

export type ReviewDecision = 'approve' | 'return';

export interface ComplaintDraftReviewedV1 {
  complaintId: string;
  agencyOrg: string;
  decision: ReviewDecision;
  reviewedAt: string;
}

export interface ComplaintRepliedV1 {
  complaintId: string;
  agencyOrg: string;
  substantiated: boolean;
  repliedAt: string;
  handlingDueAt: string;
  onTime: boolean;
}

export interface ComplaintDeadlineExtendedV1 {
  complaintId: string;
  agencyOrg: string;
  previousDueAt: string;
  handlingDueAt: string;
  length: number;
  unit: DeadlineCitation['unit'];
  approvedAt: string;
}

export type SupervisionStage = 'acceptance' | 'handling' | 'follow-up' | 'appeal-review' | 'appeal-recheck';
/** 临期提醒 / 逾期督办 / 通报: the three escalation levels of a complaint deadline. */
export type SupervisionLevel = 'reminder' | 'overdue' | 'circular';

/** A 督办 notice: a deadline near or past, addressed to the body that must act. */
export interface ComplaintSupervisionNoticeV1 {
  complaintId: string;
  noticeId: string;
  stage: SupervisionStage;
  level: SupervisionLevel;
  /** Organisation the notice is addressed to. */
  toOrg: string;
  dueAt: string;
  raisedAt: string;
}

/**
 * Misconduct of enforcement officers found while handling a complaint: the trigger of a problem-clue
 * referral to the discipline commission (domain.md §2.3). Officers are public servants acting in office;
 * the complainant is not named.
 */
export interface ComplaintMisconductFoundV1 {
  complaintId: string;
  agencyOrg: string;
  officers: { name: string; position?: string }[];
  facts: string;
  foundAt: string;
}

export type AppealStage = 'review' | 'recheck';

/** 复查 / 复核 requested by the complainant. */
export interface ComplaintAppealedV1 {
  complaintId: string;
  stage: AppealStage;
  requestedAt: string;
  dueAt: string;
}

export interface ComplaintAppealDecidedV1 {
  complaintId: string;
  stage: AppealStage;
  decision: 'uphold' | 'revise';
  decidedAt: string;
}

export interface ComplaintClosedV1 {
  complaintId: string;
  agencyOrg: string | null;
  outcome: string;
  closedAt: string;
}

/** A statutory deadline as data: how long, in which unit, and why. */
export interface DeadlineCitation {
  ruleId: string;
  length: number;
  unit: 'hours' | 'natural-days' | 'working-days';
  basis: string;
}
