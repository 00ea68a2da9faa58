import type { DeadlineCitation } from './complaint.events';

/**
 * Criminal-case transfer (行政执法与刑事司法衔接, domain.md §2.2; 国务院令第310号). The procuratorate service
 * hosts the whole handoff: the agency's transfer, the police's receipt and decisions, reconsideration,
 * 立案监督, 应移未移 suggestions and the reverse handoff (检察意见).
 */

/** A suspected-crime case an agency registered; its handoff process starts on this event. */
export interface CriminalCaseRegisteredV1 {
  caseId: string;
  agencyOrg: string;
  policeOrg: string;
  registeredAt: string;
}

/** A document of the transfer package (移送材料), by kind. */
export interface CriminalCaseDocumentRef {
  kind: string;
  name: string;
  filename: string;
  sha256: string;
}

/** The agency transferred the case to the police (移送). */
export interface CriminalCaseTransferredV1 {
  caseId: string;
  referenceNo: string;
  agencyOrg: string;
  policeOrg: string;
  title: string;
  suspectedOffence: string;
  amountYuan: number | null;
  documents: CriminalCaseDocumentRef[];
  transferredAt: string;
  receiptDue: { dueAt: string; rule: DeadlineCitation };
}

/** The copy (抄送) of a transfer to the procuratorate and, where configured, the justice bureau. */
export interface CriminalCaseCopiedV1 extends CriminalCaseTransferredV1 {
  copyTo: string[];
}

/** Steps of the police, the agency and the procuratorate after the transfer, as one event kind. */
export type CriminalCaseStep =
  | 'head-decision'
  | 'transferred'
  | 'receipt'
  | 'forwarded'
  | 'filing-decision'
  | 'exhibits-handed-over'
  | 'reconsideration-requested'
  | 'reconsideration-decision'
  | 'supervision-proposed'
  | 'reasons-requested'
  | 'reasons-given'
  | 'filing-notified'
  | 'case-opened'
  | 'supervision-closed'
  | 'administrative-handling'
  | 'overdue'
  | 'escalated'
  | 'closed';

export interface CriminalCaseStepRecordedV1 {
  caseId: string;
  step: CriminalCaseStep;
  /** Organisation that acted. */
  byOrg: string;
  /** e.g. approve/refuse, file/refuse, accept/forward. */
  decision?: string;
  reasons?: string;
  occurredAt: string;
}

/** 建议移送: the procuratorate asks an agency to transfer a penalty case that crossed the threshold. */
export interface TransferSuggestionSentV1 {
  suggestionId: string;
  penaltyCaseId: string;
  agencyOrg: string;
  caseNo: string;
  amountYuan: number;
  thresholdYuan: number;
  reasons: string;
  sentAt: string;
}

/** 检察意见 to an agency (反向衔接) and, later, the agency's written reply. */
export interface ProcuratorialOpinionSentV1 {
  opinionId: string;
  agencyOrg: string;
  subject: string;
  replyDue: { dueAt: string; rule: DeadlineCitation };
  sentAt: string;
}
