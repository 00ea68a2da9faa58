/** Payloads of justice-bureau complaint events. Personal data of the complainant never travels here. */
export type ComplaintChannel = 'web' | 'api' | 'hotline' | 'wechat' | 'referral-12345';

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
  decidedAt: string;
}

export interface ComplaintOverdueV1 {
  complaintId: string;
  stage: 'acceptance';
  dueAt: string;
  detectedAt: string;
}

/** A statutory deadline as data: how long, in which unit, and why. */
export interface DeadlineCitation {
  ruleId: string;
  length: number;
  unit: 'hours' | 'natural-days' | 'working-days';
  basis: string;
}
