import type { DataSource } from 'typeorm';
import type { ClueSourceType } from '@oversight/contracts';
import type { DeadlineRule } from '@oversight/deadlines';
import type { UploadedFileData } from '@oversight/platform';

/** The deadlines of a body's outgoing referrals, as its own rule table states them (with citations). */
export interface ClueReferralDeadlineRules {
  /** From the conclusive finding to the referral leaving the sender, approval included. */
  referralSending: DeadlineRule;
  receiptFeedback: DeadlineRule;
  statusFeedback: DeadlineRule;
  resultFeedback: DeadlineRule;
  /** Overdue feedback is reminded at its due date, then escalated this long after it. */
  feedbackEscalation: DeadlineRule;
}

/**
 * What makes the sending side of problem-clue referrals (问题线索移送) one body's: who sends to whom, its
 * process, topics and job types, its document numbers and deadline rules. Each app states it once, as data.
 */
export interface ClueReferralSender {
  /** The sender's org code (BODY.*), checked on every request and sent in every event. */
  org: string;
  /** The receiving body's org code. */
  receiverOrg: string;
  /** How the sender is named in log and error messages, e.g. `bureau`. */
  label: string;
  /** The database schema holding the sender's document counters. */
  schema: string;
  /** The prefix of the letter's number (文号), e.g. `阳司线移`. */
  referencePrefix: string;
  /** The key of the sending process definition. */
  process: string;
  topics: {
    drafted: string;
    sent: string;
    feedbackReminded: string;
    /** The receiver's feedback events this sender listens to. */
    receiptIssued: string;
    statusReported: string;
    resultReported: string;
  };
  jobs: {
    recordSubmission: string;
    recordApproval: string;
    send: string;
    raiseFeedbackNotice: string;
    close: string;
  };
  rules: ClueReferralDeadlineRules;
  /** Refuses an uploaded evidence file the body does not accept (size, type). */
  validateEvidenceFile(file: UploadedFileData): void;
  /** Refuses a draft whose source does not exist, where the body can check it (422). */
  checkSource?(
    source: { sourceType: ClueSourceType; sourceRef: string },
    dataSource: DataSource,
  ): Promise<void>;
}

/** The injection token of the app's `ClueReferralSender`. */
export const CLUE_REFERRAL_SENDER = Symbol('CLUE_REFERRAL_SENDER');
