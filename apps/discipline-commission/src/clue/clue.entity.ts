import { Column, Entity } from 'typeorm';
import type { ClueDisposal } from '@oversight/contracts';
import { ClueNoteColumns, ClueReminderColumns, ReceivedClueColumns } from '@oversight/clue-referral';

export type ClueHandlingStatus =
  | 'received'
  | 'registered'
  | 'accepted'
  | 'forwarded'
  | 'returned'
  | 'disposal-chosen'
  | 'handled'
  | 'concluded';
export type Jurisdiction = 'keep' | 'forward' | 'return';

/**
 * A problem clue referred to the commission (问题线索), as 案管 registers it. Its id is the sender's
 * referral id: one row per referral, however often the referral arrives.
 */
@Entity({ name: 'clue' })
export class ClueEntity extends ReceivedClueColumns {
  @Column('text')
  status!: ClueHandlingStatus;

  /** 监察法实施条例 Art. 171: another commission's clue is forwarded within 5 working days. */
  @Column('timestamptz', { name: 'forward_due_at', nullable: true })
  forwardDueAt!: Date | null;

  /** Set when the jurisdiction decision is still open at the forwarding deadline. */
  @Column('timestamptz', { name: 'jurisdiction_overdue_at', nullable: true })
  jurisdictionOverdueAt!: Date | null;

  @Column('text', { nullable: true })
  jurisdiction!: Jurisdiction | null;

  @Column('text', { name: 'forwarded_to', nullable: true })
  forwardedTo!: string | null;

  @Column('text', { nullable: true })
  disposal!: ClueDisposal | null;

  @Column('timestamptz', { name: 'disposal_chosen_at', nullable: true })
  disposalChosenAt!: Date | null;
}

/** The commission's internal working notes on a clue: never in an event, never shown to the sender. */
@Entity({ name: 'clue_working_note' })
export class ClueWorkingNoteEntity extends ClueNoteColumns {}

/** A reminder (催告) from the sender about an overdue feedback: once per feedback and due date. */
@Entity({ name: 'clue_reminder' })
export class ClueReminderEntity extends ClueReminderColumns {}
