import { Column, Entity } from 'typeorm';
import { ClueNoteColumns, ClueReminderColumns, ReceivedClueColumns } from '@oversight/clue-referral';

export type ReceivedClueStatus =
  | 'received'
  | 'registered'
  | 'accepted'
  | 'returned'
  | 'handled'
  | 'concluded';
export type BureauJurisdiction = 'keep' | 'return';

/**
 * A clue of enforcement failings the discipline commission sent to the bureau (反向移送, 双向协作). Its id is
 * the sender's referral id: one row per referral, however often the referral arrives.
 */
@Entity({ name: 'received_clue' })
export class ReceivedClueEntity extends ReceivedClueColumns {
  @Column('text')
  status!: ReceivedClueStatus;

  @Column('text', { nullable: true })
  jurisdiction!: BureauJurisdiction | null;

  /** The supervision measure taken (督办、约谈、监督建议书、立案监督). */
  @Column('text', { nullable: true })
  measure!: string | null;
}

/** The bureau's internal working notes on a received clue: never in an event, never shown to the sender. */
@Entity({ name: 'received_clue_note' })
export class ReceivedClueNoteEntity extends ClueNoteColumns {}

/** A reminder (催告) from the sender about an overdue feedback: once per feedback and due date. */
@Entity({ name: 'received_clue_reminder' })
export class ReceivedClueReminderEntity extends ClueReminderColumns {}
