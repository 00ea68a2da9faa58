import { TOPIC } from '../topics';
import { MESSAGE } from '../workflow';
import type { DeadlineCitation } from './complaint.events';

/**
 * Problem-clue referral (问题线索移送) between the justice bureau and the discipline commission, both ways
 * (domain.md §2.3). The same payloads travel in either direction; each sending service publishes them on
 * its own topics (TOPIC). The referral and its feedback are what crosses: the receiver's internal working
 * notes never appear here.
 */

/** Where a clue was found. The bureau's sources first, then the commission's. */
export const CLUE_SOURCE_TYPES = {
  complaint: { zh: '投诉举报', en: 'complaint' },
  'supervision-finding': { zh: '执法监督发现', en: 'supervision finding' },
  'case-file-review': { zh: '案卷评查', en: 'case-file review' },
  inspection: { zh: '执法检查', en: 'inspection' },
  'daily-supervision': { zh: '日常监督', en: 'daily supervision' },
  'case-investigation': { zh: '审查调查', en: 'case investigation' },
  'petition-report': { zh: '信访举报', en: 'petition or report' },
} as const;
export type ClueSourceType = keyof typeof CLUE_SOURCE_TYPES;

/** The four ways a discipline commission disposes of a problem clue. */
export const CLUE_DISPOSALS = {
  'talk-inquiry': { zh: '谈话函询', en: 'talk or written inquiry' },
  'preliminary-verification': { zh: '初步核实', en: 'preliminary verification' },
  shelve: { zh: '暂存待查', en: 'shelved pending further information' },
  close: { zh: '予以了结', en: 'closed' },
} as const;
export type ClueDisposal = keyof typeof CLUE_DISPOSALS;

/** The three feedbacks a sender waits for, each with its own due date. */
export type ClueFeedbackKind = 'receipt' | 'status' | 'result';

/** A person the clue is about: a public official acting in office. */
export interface ClueSubject {
  name: string;
  /** 身份, e.g. 中共党员、公职人员（行政执法人员）. */
  identity: string;
  /** 职级, e.g. 一级科员、四级主任科员. */
  rank: string;
  /** Organisation code or name of the subject's unit. */
  org?: string;
  /** 职务, e.g. 执法大队队员. */
  position?: string;
}

/** One item of the evidence list (证据材料清单); files stay with the sender (see docs/clue-referral.md). */
export interface ClueEvidenceItem {
  itemNo: number;
  description: string;
  filename?: string;
  contentType?: string;
  size?: number;
  /** Fingerprint of the file, so the materials delivered by the confidential channel can be checked. */
  sha256?: string;
}

/** A due date the sender expects a feedback by, with its rule. */
export interface ClueFeedbackDue {
  dueAt: string;
  rule: DeadlineCitation;
}

/** The referral letter (问题线索移送函), sent after internal approval. The referral id is the business key. */
export interface ClueReferralSentV1 {
  referralId: string;
  /** The sender's reference number (文号). */
  referenceNo: string;
  senderOrg: string;
  receiverOrg: string;
  sourceType: ClueSourceType;
  sourceRef: string;
  subjects: ClueSubject[];
  facts: string;
  legalBasis: string;
  suggestedDisposal: string;
  evidence: ClueEvidenceItem[];
  approvedBy: string | null;
  sentAt: string;
  feedbackDue: Record<ClueFeedbackKind, ClueFeedbackDue>;
}

/** Internal to the sending service: a draft exists, its sending process must start. */
export interface ClueReferralDraftedV1 {
  referralId: string;
  sourceType: ClueSourceType;
  sourceRef: string;
  draftedAt: string;
  /** When the referral must be sent (15 working days from the finding, local rule). */
  sendDueAt: string;
}

/** 回执: the receiver registered the clue. */
export interface ClueReceiptIssuedV1 {
  referralId: string;
  senderOrg: string;
  receiverOrg: string;
  registrationNo: string;
  receivedAt: string;
}

/** Where the clue stands at the receiver: jurisdiction decided, disposal chosen. */
export type ClueStatus = 'accepted' | 'forwarded' | 'returned' | 'disposal-chosen';

export interface ClueStatusReportedV1 {
  referralId: string;
  senderOrg: string;
  receiverOrg: string;
  status: ClueStatus;
  /** For `disposal-chosen`; the receiving justice bureau reports none. */
  disposal?: ClueDisposal;
  /** For `forwarded`: the competent commission it went to. */
  forwardedTo?: string;
  /** What the sender is told (reasons of a return or a forward); never internal working notes. */
  remark?: string;
  reportedAt: string;
}

/** The final result: returned, forwarded, or concluded with the disposal and its outcome. */
export type ClueOutcome = 'returned' | 'forwarded' | 'concluded';

export interface ClueResultReportedV1 {
  referralId: string;
  senderOrg: string;
  receiverOrg: string;
  outcome: ClueOutcome;
  disposal?: ClueDisposal;
  /** The concluded outcome's category in the receiver's vocabulary, e.g. `case-filed`, `rectification`. */
  result?: string;
  /** The conclusion as told to the sender. */
  conclusion: string;
  decidedAt: string;
}

/** 催告: the sender reminds the receiver of an overdue feedback. */
export interface ClueFeedbackRemindedV1 {
  referralId: string;
  senderOrg: string;
  receiverOrg: string;
  feedback: ClueFeedbackKind;
  dueAt: string;
  remindedAt: string;
}

/** The topics each service publishes its side of a clue referral on: as sender, and as receiver. */
export const CLUE_TOPICS = {
  'justice-bureau': {
    drafted: TOPIC.bureauClueReferralDrafted,
    sent: TOPIC.bureauClueReferralSent,
    reminded: TOPIC.bureauClueFeedbackReminded,
    receipt: TOPIC.bureauClueReceiptIssued,
    status: TOPIC.bureauClueStatusReported,
    result: TOPIC.bureauClueResultReported,
  },
  'discipline-commission': {
    drafted: TOPIC.commissionClueReferralDrafted,
    sent: TOPIC.commissionClueReferralSent,
    reminded: TOPIC.commissionClueFeedbackReminded,
    receipt: TOPIC.commissionClueReceiptIssued,
    status: TOPIC.commissionClueStatusReported,
    result: TOPIC.commissionClueResultReported,
  },
} as const;

/** The message each feedback is correlated to the sending process with (business key: the referral id). */
export const CLUE_FEEDBACK_MESSAGE: Record<ClueFeedbackKind, string> = {
  receipt: MESSAGE.clueReceiptReceived,
  status: MESSAGE.clueStatusReceived,
  result: MESSAGE.clueResultReceived,
};

/** The content of a referral letter, complete or not (a draft). */
export interface ClueReferralContent {
  subjects: Partial<ClueSubject>[];
  facts?: string | null;
  legalBasis?: string | null;
  suggestedDisposal?: string | null;
  evidenceCount: number;
}

const blank = (v: string | null | undefined) => typeof v !== 'string' || v.trim() === '';

/**
 * What a referral letter still lacks (subject with identity and rank, facts, evidence list, legal basis,
 * suggested disposal), field by field in Chinese and English. Both sides apply it: the sender before
 * approval, the receiver on what arrives.
 */
export function missingClueReferralParts(
  content: ClueReferralContent,
): { field: string; zh: string; en: string }[] {
  const missing: { field: string; zh: string; en: string }[] = [];
  const need = (field: string, zh: string) =>
    missing.push({ field, zh: `${zh}：未填写`, en: `${field} is missing` });
  if (content.subjects.length === 0) need('subjects', '被反映人');
  content.subjects.forEach((s, i) => {
    if (blank(s.name)) need(`subjects.${i}.name`, `被反映人${i + 1}的姓名`);
    if (blank(s.identity)) need(`subjects.${i}.identity`, `被反映人${i + 1}的身份`);
    if (blank(s.rank)) need(`subjects.${i}.rank`, `被反映人${i + 1}的职级`);
  });
  if (blank(content.facts)) need('facts', '主要问题事实');
  if (content.evidenceCount === 0) need('evidence', '证据材料清单');
  if (blank(content.legalBasis)) need('legalBasis', '法律依据');
  if (blank(content.suggestedDisposal)) need('suggestedDisposal', '处置建议');
  return missing;
}
