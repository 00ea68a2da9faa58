import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A version of a BPMN model saved from the console's modeler; deployed to the engine when asked. */
@Entity({ name: 'process_model_version' })
export class ProcessModelVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'process_key' })
  processKey!: string;

  @Column('int')
  version!: number;

  @Column('text')
  xml!: string;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('text', { name: 'saved_by' })
  savedBy!: string;

  @Column('timestamptz', { name: 'saved_at', default: () => 'now()' })
  savedAt!: Date;

  @Column('text', { name: 'deployed_definition_id', nullable: true })
  deployedDefinitionId!: string | null;

  @Column('timestamptz', { name: 'deployed_at', nullable: true })
  deployedAt!: Date | null;
}
