import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of a service's append-only audit log: who did or read what, when, with the state before and
 * after. `hash` chains each entry to the previous one (see audit-chain.ts); a database trigger refuses
 * UPDATE, DELETE and TRUNCATE.
 */
@Entity({ name: 'audit_entry' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column('text', { name: 'actor_user', nullable: true })
  actorUser!: string | null;

  @Column('text', { name: 'actor_org', nullable: true })
  actorOrg!: string | null;

  @Column('text', { name: 'actor_roles' })
  actorRoles!: string;

  /** `read`, `change`, `system-change` or a named event such as `complainant.read`. */
  @Column('text')
  action!: string;

  /** The route (`POST /api/complaints/:id/acceptance`) or the entity changed. */
  @Column('text')
  resource!: string;

  /** The concrete path or entity key. */
  @Column('text')
  target!: string;

  /** HTTP status of the request (null for changes made by workers and consumers). */
  @Column('int', { nullable: true })
  status!: number | null;

  @Column('jsonb', { nullable: true })
  before!: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after!: Record<string, unknown> | null;

  @Column('text', { name: 'prev_hash' })
  prevHash!: string;

  @Column('text')
  hash!: string;
}
