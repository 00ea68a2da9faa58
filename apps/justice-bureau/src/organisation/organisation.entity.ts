import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationKind } from './organisation.seed';

@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: OrganisationKind;

  @Column('boolean', { default: false })
  demonstration!: boolean;
}
