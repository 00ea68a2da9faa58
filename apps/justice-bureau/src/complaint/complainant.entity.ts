import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The complainant's identity, stored apart from the complaint (信访工作条例 Arts 30, 46) so that the
 * content can be shared with handlers without it. No API returns this table yet.
 */
@Entity({ name: 'complainant' })
export class ComplainantEntity {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  phone!: string;

  @Column('text', { name: 'id_number', nullable: true })
  idNumber!: string | null;

  @Column('text', { nullable: true })
  address!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
