import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

@Injectable()
export class OrganisationService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
  ) {}

  list(): Promise<OrganisationEntity[]> {
    return this.organisations.find({ order: { kind: 'ASC', code: 'ASC' } });
  }

  find(code: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOneBy({ code });
  }
}
