import type { EntityTarget } from 'typeorm';
import type { ReceivedClueColumns } from './received-clue.columns';

/** A body's received clue as the shared receiving steps see it: the shared columns and a status. */
export type ReceivedClueRow = ReceivedClueColumns & { status: string };

/**
 * What makes the receiving side of problem-clue referrals one body's: its org code, handling process,
 * the topics it listens to and its own tables. Each app states it once, as data.
 */
export interface ClueReceiver {
  /** The receiver's org code (BODY.*): referrals and reminders to other bodies are not its business. */
  org: string;
  /** The key of the handling process definition, started per referral with the referral id as key. */
  process: string;
  topics: {
    /** The sender's `…ClueReferralSent` topic. */
    referralSent: string;
    /** The sender's `…ClueFeedbackReminded` topic. */
    feedbackReminded: string;
    /**
     * Further senders' `…ClueReferralSent` topics (e.g. the people's congress's joint inspections): their
     * referrals are received and handled the same way; the feedback names them as `senderOrg`.
     */
    moreReferralsSent?: string[];
  };
  /** The body's received-clue entity (its id is the sender's referral id). */
  clueEntity: EntityTarget<ReceivedClueRow>;
  /** The body's reminder entity (event id, clue id, feedback, due and reminded dates). */
  reminderEntity: EntityTarget<object>;
}

/** The injection token of the app's `ClueReceiver`. */
export const CLUE_RECEIVER = Symbol('CLUE_RECEIVER');
