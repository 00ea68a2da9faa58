import { Injectable } from '@nestjs/common';
import { beijingDate } from '@oversight/deadlines';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CallerInfo, conflict, notFound } from '@oversight/platform';
import { REGISTER_RULES } from '../register-rules';
import { beijingYear, ownerScope, requireOrganisation } from '../register-scope.util';
import { isUniqueViolation } from '@oversight/database';
import {
  ContactPointQuery,
  ENTERPRISE_KINDS,
  RecordVisitDto,
  RegisterContactPointDto,
} from './contact-points.dto';
import { ContactPointVisitEntity, EnterpriseContactPointEntity } from './contact-point.entity';

const CONTACT_POINT = { zh: '企业联系点', en: 'Enterprise contact point' };
const round1 = (v: number) => Math.round(v * 10) / 10;

/** 行政执法监督企业联系点: visits (1–2 a year) and satisfaction surveys. */
@Injectable()
export class ContactPointsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async register(dto: RegisterContactPointDto, caller: CallerInfo) {
    try {
      return await this.insert(dto, caller);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw conflict({
        zh: `${dto.enterpriseName}已是该部门的企业联系点。`,
        en: `${dto.enterpriseName} is already a contact point of this agency.`,
      });
    }
  }

  private insert(dto: RegisterContactPointDto, caller: CallerInfo) {
    return this.dataSource.transaction(async (m) => {
      await requireOrganisation(m, dto.agency, ['agency', 'town', 'police']);
      const existing = await m.findOneBy(EnterpriseContactPointEntity, {
        creditCode: dto.creditCode,
        agencyCode: dto.agency,
        status: 'active',
      });
      if (existing) {
        throw conflict({
          zh: `${existing.enterpriseName}已是该部门的企业联系点。`,
          en: `${existing.enterpriseName} is already a contact point of this agency.`,
        });
      }
      const id = randomUUID();
      await m.insert(EnterpriseContactPointEntity, {
        id,
        enterpriseName: dto.enterpriseName,
        creditCode: dto.creditCode,
        enterpriseKind: dto.enterpriseKind,
        agencyCode: dto.agency,
        contactPerson: dto.contactPerson ?? null,
        phone: dto.phone ?? null,
        status: 'active',
        designatedOn: dto.designatedOn ?? beijingDate(new Date()),
        createdBy: caller.user,
      });
      return { id, ...dto, status: 'active' };
    });
  }

  /** A contact point stops being one; its visits stay on record. */
  withdraw(id: string, reason: string) {
    return this.dataSource.transaction(async (m) => {
      const cp = await m.findOne(EnterpriseContactPointEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!cp) throw notFound(CONTACT_POINT, id);
      if (cp.status === 'withdrawn') {
        throw conflict({
          zh: `${cp.enterpriseName}已不是企业联系点。`,
          en: `${cp.enterpriseName} is no longer a contact point.`,
        });
      }
      await m.update(EnterpriseContactPointEntity, id, {
        status: 'withdrawn',
        withdrawnOn: beijingDate(new Date()),
        withdrawalReason: reason,
      });
      return { id, enterpriseName: cp.enterpriseName, status: 'withdrawn', withdrawalReason: reason };
    });
  }

  recordVisit(id: string, dto: RecordVisitDto, caller: CallerInfo) {
    return this.dataSource.transaction(async (m) => {
      const cp = await m.findOneBy(EnterpriseContactPointEntity, { id });
      if (!cp) throw notFound(CONTACT_POINT, id);
      if (cp.status !== 'active') {
        throw conflict({
          zh: `${cp.enterpriseName}已不是企业联系点，不能再登记走访。`,
          en: `${cp.enterpriseName} is no longer a contact point; no visit can be recorded.`,
        });
      }
      const answers = dto.answers?.length
        ? dto.answers.map((a) => ({ question: a.question, score: a.score }))
        : null;
      const satisfaction = answers ? round1(answers.reduce((s, a) => s + a.score, 0) / answers.length) : null;
      const visitId = randomUUID();
      await m.insert(ContactPointVisitEntity, {
        id: visitId,
        contactPointId: id,
        visitedOn: dto.visitedOn,
        method: dto.method,
        visitors: dto.visitors,
        notes: dto.notes ?? null,
        answers,
        satisfaction,
        recordedBy: caller.user,
      });
      return {
        id: visitId,
        contactPointId: id,
        visitedOn: dto.visitedOn,
        method: dto.method,
        answers,
        satisfaction,
      };
    });
  }

  /** Every active contact point with its visits this year; those below the minimum are flagged. */
  async list(query: ContactPointQuery, caller: CallerInfo) {
    const scope = ownerScope(caller);
    const year = query.year ?? beijingYear();
    const rows = (await this.dataSource.query(
      `SELECT cp.id, cp.enterprise_name, cp.credit_code, cp.enterprise_kind, cp.agency_code, o.name AS agency_name,
              cp.contact_person, cp.phone, cp.designated_on::text AS designated_on,
              count(v.id) AS visits, max(v.visited_on)::text AS last_visit, avg(v.satisfaction) AS satisfaction
         FROM justice_bureau.enterprise_contact_point cp
         JOIN justice_bureau.organisation o ON o.code = cp.agency_code
         LEFT JOIN justice_bureau.contact_point_visit v
           ON v.contact_point_id = cp.id AND extract(year FROM v.visited_on) = $1
        WHERE cp.status = 'active' AND ($2::text IS NULL OR cp.agency_code = $2)
        GROUP BY cp.id, o.name ORDER BY cp.agency_code, cp.enterprise_name`,
      [year, scope ?? query.agency ?? null],
    )) as Record<string, unknown>[];
    const rule = REGISTER_RULES.contactPointVisits;
    const items = rows.map((r) => {
      const visits = Number(r.visits);
      return {
        id: String(r.id),
        enterpriseName: String(r.enterprise_name),
        creditCode: String(r.credit_code),
        enterpriseKind: String(r.enterprise_kind),
        enterpriseKindName:
          ENTERPRISE_KINDS[r.enterprise_kind as keyof typeof ENTERPRISE_KINDS] ?? r.enterprise_kind,
        agency: String(r.agency_code),
        agencyName: String(r.agency_name),
        contactPerson: r.contact_person as string | null,
        phone: r.phone as string | null,
        designatedOn: String(r.designated_on),
        visitsThisYear: visits,
        lastVisit: r.last_visit as string | null,
        satisfaction: r.satisfaction === null ? null : round1(Number(r.satisfaction)),
        notVisited: visits < rule.min,
      };
    });
    return {
      year,
      rule,
      notVisited: items.filter((i) => i.notVisited).length,
      items,
    };
  }

  async visits(id: string, caller: CallerInfo) {
    const scope = ownerScope(caller);
    const cp = await this.dataSource.getRepository(EnterpriseContactPointEntity).findOneBy({ id });
    if (!cp || (scope && cp.agencyCode !== scope)) throw notFound(CONTACT_POINT, id);
    const visits = await this.dataSource
      .getRepository(ContactPointVisitEntity)
      .find({ where: { contactPointId: id }, order: { visitedOn: 'ASC' } });
    return visits.map((v) => ({
      id: v.id,
      visitedOn: v.visitedOn,
      method: v.method,
      visitors: v.visitors,
      notes: v.notes,
      answers: v.answers,
      satisfaction: v.satisfaction,
    }));
  }

  /** Mean survey score per agency in the year (from the visits that carried a survey). */
  async satisfaction(query: ContactPointQuery, caller: CallerInfo) {
    const scope = ownerScope(caller);
    const year = query.year ?? beijingYear();
    const rows = (await this.dataSource.query(
      `SELECT cp.agency_code, o.name AS agency_name, count(DISTINCT cp.id) AS contact_points,
              count(v.id) AS surveys, avg(v.satisfaction) AS satisfaction
         FROM justice_bureau.enterprise_contact_point cp
         JOIN justice_bureau.organisation o ON o.code = cp.agency_code
         JOIN justice_bureau.contact_point_visit v ON v.contact_point_id = cp.id
        WHERE v.satisfaction IS NOT NULL AND extract(year FROM v.visited_on) = $1
          AND ($2::text IS NULL OR cp.agency_code = $2)
        GROUP BY cp.agency_code, o.name ORDER BY avg(v.satisfaction) ASC, cp.agency_code`,
      [year, scope ?? query.agency ?? null],
    )) as Record<string, unknown>[];
    return {
      year,
      agencies: rows.map((r) => ({
        agency: String(r.agency_code),
        agencyName: String(r.agency_name),
        contactPoints: Number(r.contact_points),
        surveys: Number(r.surveys),
        satisfaction: round1(Number(r.satisfaction)),
      })),
    };
  }
}
