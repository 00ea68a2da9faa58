/**
 * Issue 11's shared contracts: supervision cases (行政执法监督检查案件, justice bureau) opened from any
 * source, and the annual assessment's inputs. Other capabilities (joint inspections in the people's
 * congress, case-file review, follow-up visits) ask for a case by event; the justice bureau opens one
 * case per (source, sourceRef) whatever the number of deliveries, and reports every change of it.
 */

/** Where a supervision case comes from (domain.md §3, plan 三（三）). */
export const SUPERVISION_SOURCE = {
  complaint: 'complaint',
  review: 'review',
  inspection: 'inspection',
  jointInspection: 'joint-inspection',
  caseFileReview: 'case-file-review',
  followUpVisit: 'follow-up-visit',
  deputiesSuggestion: 'deputies-suggestion',
  media: 'media',
  other: 'other',
} as const;
export type SupervisionSource = (typeof SUPERVISION_SOURCE)[keyof typeof SUPERVISION_SOURCE];

/** `TOPIC.supervisionCaseRequested`: some body asks the justice bureau to open a supervision case. */
export interface SupervisionCaseRequestedV1 {
  source: SupervisionSource;
  /** The id of the finding, visit or file in the requesting service; (source, sourceRef) is unique. */
  sourceRef: string;
  /** Organisation code of the requesting body or office, e.g. `rd`, `sfj`. */
  requestedBy: string;
  /** Organisation code of the enforcement agency or town concerned. */
  agencyCode: string;
  /** One line, no personal data. */
  subject: string;
  /** What was found, in the requester's words. */
  facts: string;
}

export type SupervisionCaseStatus =
  | 'filing-review'
  | 'investigation'
  | 'decision-review'
  | 'rectification'
  | 'closed'
  | 'dismissed';

/** `TOPIC.supervisionCaseChanged`: a supervision case opened, moved or closed. */
export interface SupervisionCaseChangedV1 {
  caseId: string;
  caseNumber: string;
  source: SupervisionSource;
  sourceRef: string;
  agencyCode: string;
  status: SupervisionCaseStatus;
  /** Whether the agency was found at fault and ordered to correct (纠错), once decided. */
  correctionOrdered?: boolean;
  /** Whether the agency's rectification was accepted, once closed. */
  rectified?: boolean;
  closed: boolean;
  /** Whether a deadline of the case (the office's or the agency's) has passed and a 督办 notice was raised. */
  overdue?: boolean;
}

/**
 * What fed the annual assessment (`assessment_input.source` in the justice bureau). Each capability
 * writes its rows there, one per (year, unit, source, sourceRef); the assessment computes indicators
 * from them and from the bureau's own tables.
 */
export const ASSESSMENT_SOURCE = {
  acceptanceCampaign: 'acceptance-campaign',
  caseFileReview: 'case-file-review',
  training: 'training',
  supervisionCase: 'supervision-case',
  followUpVisit: 'follow-up-visit',
  jointInspection: 'joint-inspection',
} as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCE)[keyof typeof ASSESSMENT_SOURCE];
