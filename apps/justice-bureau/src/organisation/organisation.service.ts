import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** How long the organisation register is served from memory: it changes only through migrations. */
const CACHE_MS = 60_000;

@Injectable()
export class OrganisationService {
  private cache: { at: number; byCode: Map<string, OrganisationEntity> } | null = null;

  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
  ) {}

  list(): Promise<OrganisationEntity[]> {
    return this.organisations.find({ order: { kind: 'ASC', code: 'ASC' } });
  }

  /** One organisation by code, read from a cache of the register (every complaint's intake asks). */
  async find(code: string): Promise<OrganisationEntity | null> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS || !this.cache.byCode.has(code)) {
      // An unknown code re-reads the register once, so an organisation added a moment ago is found.
      const all = await this.list();
      this.cache = { at: Date.now(), byCode: new Map(all.map((o) => [o.code, o])) };
    }
    return this.cache.byCode.get(code) ?? null;
  }
}
