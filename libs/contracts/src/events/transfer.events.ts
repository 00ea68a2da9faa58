/**
 * The general shape of a transfer between bodies (domain.md §2.5): anything one body hands to another
 * with a due date — a complaint assigned to an agency, a criminal case sent to the police and its copy,
 * a clue referred to the discipline commission, a reverse transfer, an inspection finding, a 督办 notice.
 * Every process publishes `TransferChangedV1` when one of its transfers opens, moves or closes; liaison
 * builds its register from these events alone. Key the Kafka message by `${kind}:${sourceRef}` so one
 * transfer's events stay in order (liaison does not rely on it: its projection is order-insensitive).
 */
export interface TransferChangedV1 {
  /** What is transferred, e.g. `criminal-case-transfer`, `clue-referral` (see TRANSFER_KIND). */
  kind: string;
  /** The id of the transferred thing in the sending service; unique per kind. */
  sourceRef: string;
  /** Organisation codes (BODY or agency codes); `public` for a member of the public. */
  sender?: string;
  receiver?: string;
  /** A line a liaison meeting can read, without personal data. */
  subject?: string;
  /** When the receiver must act; due dates only move later (extensions). */
  dueAt?: string;
  /** The transfer's state in the sender's words, e.g. `sent`, `received`, `decided`. */
  status?: string;
  closed?: boolean;
  overdue?: boolean;
  /** A document that went with this step (name and, if the sender serves it, a reference). */
  documents?: { name: string; ref?: string }[];
  /** The legal basis of the due date, e.g. 国务院令第310号 第五条. */
  basis?: string;
}

/** Transfer kinds, one list for every publisher and for liaison's filters. */
export const TRANSFER_KIND = {
  complaintIntake: 'complaint-intake',
  complaintAssignment: 'complaint-assignment',
  criminalCaseTransfer: 'criminal-case-transfer',
  criminalCaseCopy: 'criminal-case-copy',
  caseFilingSupervision: 'case-filing-supervision',
  reverseTransfer: 'reverse-transfer',
  transferSuggestion: 'transfer-suggestion',
  clueReferral: 'clue-referral',
  supervisionNotice: 'supervision-notice',
  inspectionFinding: 'inspection-finding',
  acceptanceRectification: 'acceptance-rectification',
  meetingResolution: 'meeting-resolution',
  /** A unit's required submission to the leading-group office (work plan, self-check) once it is overdue. */
  acceptanceSubmission: 'acceptance-submission',
  /** A supervision case's rectification order (建议书/监督检查意见书) to the agency, one per round. */
  supervisionRectification: 'supervision-rectification',
  /** The standing committee's deliberation opinions on an annual report, awaiting the bureau's reply. */
  deliberationOpinion: 'deliberation-opinion',
} as const;

export const transferKey = (t: Pick<TransferChangedV1, 'kind' | 'sourceRef'>) => `${t.kind}:${t.sourceRef}`;
