/**
 * Payloads of justice-bureau events of the creation-stage acceptance campaign (先行区创建验收,
 * domain.md §2.4): the leading-group office's campaign across every county department and town.
 */

/** Where a participating unit stands in the campaign. */
export type AcceptanceUnitStage =
  | 'work-plan'
  | 'creation'
  | 'self-check'
  | 'awaiting-acceptance'
  | 'inspection'
  | 'rectification'
  | 're-inspection'
  | 'accepted'
  | 'failed';

/** The windows of the campaign calendar a unit (or the office) can miss. */
export type AcceptanceWindow = 'work-plan' | 'self-check' | 'inspection' | 'rectification' | 'summary';

/** The campaign calendar as instants (ISO-8601): windows open at 00:00 and close at 24:00 Beijing time. */
export interface AcceptanceCalendarV1 {
  planDueAt: string;
  creationStartsAt: string;
  selfCheckStartsAt: string;
  selfCheckEndsAt: string;
  acceptanceStartsAt: string;
  acceptanceEndsAt: string;
  summaryStartsAt: string;
  summaryEndsAt: string;
}

export interface AcceptanceCampaignStartedV1 {
  campaignId: string;
  year: number;
  title: string;
  /** Organisation codes of the participating units. */
  units: string[];
  demonstrationUnits: string[];
  calendar: AcceptanceCalendarV1;
  passScore: number;
  startedBy: string | null;
}

export interface AcceptanceUnitStageChangedV1 {
  campaignId: string;
  unitCode: string;
  stage: AcceptanceUnitStage;
  previousStage: AcceptanceUnitStage | null;
  late: boolean;
  at: string;
}

/** A unit (or the office, for the summary) missed a window: a 督办 notice went out. */
export interface AcceptanceUnitEscalatedV1 {
  campaignId: string;
  /** Null when the office itself is late (the summary). */
  unitCode: string | null;
  window: AcceptanceWindow;
  /** `overdue`: past the deadline, still open; `missed`: the window closed without the step. */
  level: 'overdue' | 'missed';
  noticeId: string;
  toOrg: string;
  dueAt: string;
  raisedAt: string;
}

/** The acceptance team's conclusion: 通过, 责令整改, or (after rectification only) 不予通过. */
export type InspectionDecision = 'accept' | 'rectify' | 'fail';

export interface AcceptanceUnitInspectedV1 {
  campaignId: string;
  unitCode: string;
  /** 0 = the acceptance inspection, 1.. = re-inspections after rectification. */
  round: number;
  /** Percentage of the applicable checklist weight, one decimal. */
  score: number;
  decision: InspectionDecision;
  rectificationDueAt: string | null;
  inspectedAt: string;
}

/** The annual-assessment outcome of a unit's result (《实施方案》六（三）). */
export type AssessmentOutcome = 'credit' | 'none' | 'accountability';

export interface AcceptanceUnitResultV1 {
  unitCode: string;
  result: 'accepted' | 'failed';
  score: number | null;
  rectificationRounds: number;
  lateWindows: AcceptanceWindow[];
  outcome: AssessmentOutcome;
}

/** The campaign is summarised and reported; its results are annual-assessment input for `year`. */
export interface AcceptanceCampaignClosedV1 {
  campaignId: string;
  year: number;
  summarisedAt: string;
  results: AcceptanceUnitResultV1[];
}
