import { Injectable } from '@nestjs/common';
import { beijingDate } from '@oversight/deadlines';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CallerInfo, conflict, notFound, unprocessable } from '@oversight/platform';
import { REGISTER_RULES } from '../register-rules';
import { isBureau, ownerScope, requireOrganisation } from '../register-scope.util';
import { AppointSupervisorDto, SUPERVISOR_CATEGORIES, SupervisorQuery } from './supervisors.dto';
import { EnforcementSupervisorEntity } from './enforcement-supervisor.entity';

const SUPERVISOR = { zh: '行政执法监督员', en: 'Enforcement supervisor' };

/** 行政执法监督员 and the towns' pools (镇级监督员库). */
@Injectable()
export class SupervisorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  appoint(dto: AppointSupervisorDto, caller: CallerInfo) {
    if (dto.termEnd < dto.termStart) {
      throw unprocessable({ zh: '聘期止不能早于聘期起。', en: 'The term cannot end before it starts.' });
    }
    return this.dataSource.transaction(async (m) => {
      if (dto.town) await requireOrganisation(m, dto.town, ['town']);
      const id = randomUUID();
      await m.insert(EnforcementSupervisorEntity, {
        id,
        name: dto.name,
        category: dto.category,
        affiliation: dto.affiliation ?? null,
        contact: dto.contact ?? null,
        townCode: dto.town ?? null,
        termStart: dto.termStart,
        termEnd: dto.termEnd,
        status: 'active',
        appointedBy: caller.user,
      });
      return this.view(await m.findOneByOrFail(EnforcementSupervisorEntity, { id }));
    });
  }

  end(id: string, reason: string, endedOn: string | undefined) {
    return this.dataSource.transaction(async (m) => {
      const s = await m.findOne(EnforcementSupervisorEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!s) throw notFound(SUPERVISOR, id);
      if (s.status === 'ended') {
        throw conflict({
          zh: `${s.name}的聘任已于${s.endedOn}结束。`,
          en: `${s.name}'s appointment ended on ${s.endedOn}.`,
        });
      }
      await m.update(EnforcementSupervisorEntity, id, {
        status: 'ended',
        endedOn: endedOn ?? beijingDate(new Date()),
        endReason: reason,
      });
      return this.view(await m.findOneByOrFail(EnforcementSupervisorEntity, { id }));
    });
  }

  /**
   * The pool: the bureau sees all; a town sees the county pool and its own; others the county pool.
   * Active = appointed, not ended, and today within the term.
   */
  async list(query: SupervisorQuery, caller: CallerInfo) {
    const scope = ownerScope(caller);
    const today = beijingDate(new Date());
    const qb = this.dataSource.getRepository(EnforcementSupervisorEntity).createQueryBuilder('s');
    if (query.town === 'county') qb.andWhere('s.town_code IS NULL');
    else if (query.town) qb.andWhere('s.town_code = :town', { town: query.town });
    if (scope && !isBureau(caller))
      qb.andWhere('(s.town_code IS NULL OR s.town_code = :own)', { own: scope });
    if (query.category) qb.andWhere('s.category = :category', { category: query.category });
    if (query.active === 'true') {
      qb.andWhere(`s.status = 'active' AND s.term_start <= :today AND s.term_end >= :today`, { today });
    }
    const rows = await qb.orderBy('s.town_code', 'ASC', 'NULLS FIRST').addOrderBy('s.name').getMany();
    return rows.map((s) => this.view(s, today));
  }

  private view(s: EnforcementSupervisorEntity, today = beijingDate(new Date())) {
    return {
      id: s.id,
      name: s.name,
      category: s.category,
      categoryName: SUPERVISOR_CATEGORIES[s.category as keyof typeof SUPERVISOR_CATEGORIES] ?? s.category,
      affiliation: s.affiliation,
      contact: s.contact,
      town: s.townCode,
      pool: s.townCode ? 'town' : 'county',
      termStart: s.termStart,
      termEnd: s.termEnd,
      status: s.status,
      active: s.status === 'active' && s.termStart <= today && s.termEnd >= today,
      endedOn: s.endedOn,
      endReason: s.endReason,
      basis: s.townCode ? REGISTER_RULES.supervisors.townPoolBasis : REGISTER_RULES.supervisors.basis,
    };
  }
}
