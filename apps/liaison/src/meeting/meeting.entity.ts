import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type MeetingStatus = 'scheduled' | 'held';

export interface Attendee {
  org: string;
  name: string;
}

/** A liaison meeting (联席会议), regular or ad hoc. */
@Entity({ name: 'meeting' })
export class MeetingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text')
  kind!: 'regular' | 'ad-hoc';

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column('text', { nullable: true })
  location!: string | null;

  @Column('text')
  status!: MeetingStatus;

  @Column('jsonb', { default: () => "'[]'" })
  attendees!: Attendee[];

  @Column('text', { nullable: true })
  minutes!: string | null;

  @Column('timestamptz', { name: 'held_at', nullable: true })
  heldAt!: Date | null;

  @Column('text', { name: 'created_by' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One line of an agenda: a transfer (by kind and source ref, which survive a projection rebuild), an
 * open resolution of an earlier meeting, or a topic the secretary added.
 */
@Entity({ name: 'agenda_item' })
export class AgendaItemEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId!: string;

  @Column('integer')
  position!: number;

  @Column('text')
  source!: 'transfer' | 'resolution' | 'custom';

  @Column('text', { name: 'transfer_kind', nullable: true })
  transferKind!: string | null;

  @Column('text', { name: 'transfer_source_ref', nullable: true })
  transferSourceRef!: string | null;

  @Column('uuid', { name: 'resolution_id', nullable: true })
  resolutionId!: string | null;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  note!: string | null;
}

/** A decision of a meeting with an owner and a due date, tracked to closure (议定事项). */
@Entity({ name: 'resolution' })
export class ResolutionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId!: string;

  @Column('text')
  title!: string;

  @Column('text', { name: 'owner_org' })
  ownerOrg!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text', { name: 'transfer_kind', nullable: true })
  transferKind!: string | null;

  @Column('text', { name: 'transfer_source_ref', nullable: true })
  transferSourceRef!: string | null;

  @Column('text')
  status!: 'open' | 'closed';

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
