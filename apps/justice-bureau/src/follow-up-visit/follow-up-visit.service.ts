import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@oversight/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { Between, DataSource, In, IsNull, LessThan } from 'typeorm';
import {
  ASSESSMENT_SOURCE,
  SUPERVISION_SOURCE,
  SupervisionCaseRequestedV1,
  TOPIC,
} from '@oversight/contracts';
import { dueAt, endOfBeijingDay } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import {
  Bilingual,
  CallerInfo,
  conflict,
  forbidden,
  notFound,
  requireOrg,
  unprocessable,
} from '@oversight/platform';
import { AssessmentInputEntity } from '../acceptance-campaign/acceptance-campaign.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ENFORCEMENT_KINDS } from '../organisation/organisation.seed';
import { supervisionCaseView } from '../supervision-request/supervision-link.util';
import { CASE_KIND_LABEL, FOLLOW_UP_CASE_KINDS, FOLLOW_UP_RULES, FollowUpCaseKind } from './follow-up-rules';
import { drawSample } from './follow-up-sample.util';
import { DrawDto, RegisterCaseDto, StatisticsQuery, VisitQuery, VisitResultDto } from './follow-up-visit.dto';
import {
  FollowUpCaseEntity,
  FollowUpDrawEntity,
  FollowUpVisitEntity,
  VisitResult,
} from './follow-up-visit.entity';

export const FOLLOW_UP_OFFICE = 'sfj';
const VISIT: Bilingual = { zh: '回访', en: 'Follow-up visit' };
const FOLLOW_UP_BASIS_CUSTOM = `${FOLLOW_UP_RULES.ratioBasis}；本次抽取按县司法局另行确定的比例`;

const RESULT_LABEL: Record<VisitResult, string> = {
  satisfied: '满意',
  neutral: '基本满意',
  dissatisfied: '不满意',
  problem: '反映问题',
  unreached: '未联系上',
};

const caseView = (c: FollowUpCaseEntity) => ({
  id: c.id,
  agencyCode: c.agencyCode,
  caseKind: c.caseKind,
  caseKindLabel: CASE_KIND_LABEL[c.caseKind],
  caseNumber: c.caseNumber,
  title: c.title,
  closedOn: c.closedOn,
  partyName: c.partyName,
  partyPhone: c.partyPhone,
  drawId: c.drawId,
  registeredAt: c.registeredAt.toISOString(),
});

const visitView = (v: FollowUpVisitEntity, now = new Date()) => ({
  id: v.id,
  caseId: v.caseId,
  drawId: v.drawId,
  year: v.year,
  agencyCode: v.agencyCode,
  caseKind: v.caseKind,
  dueAt: v.dueAt.toISOString(),
  status: v.status,
  overdue: v.status === 'due' && v.dueAt < now,
  reached: v.reached,
  satisfaction: v.satisfaction,
  problems: v.problems,
  result: v.result,
  resultLabel: v.result ? RESULT_LABEL[v.result] : null,
  method: v.method,
  visitor: v.visitor,
  supervisionRequested: v.supervisionRequested,
  supervisionCase: supervisionCaseView(v),
  visitedAt: v.visitedAt?.toISOString() ?? null,
});

/** Follow-up visits (回访) of closed enforcement, reconsideration and litigation cases (plan 四（四）2). */
@Injectable()
export class FollowUpVisitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  settings(caller: CallerInfo) {
    requireOrg(caller, FOLLOW_UP_OFFICE);
    return { kinds: CASE_KIND_LABEL, ...FOLLOW_UP_RULES };
  }

  /** An agency registers its own closed case. */
  async registerOwn(dto: RegisterCaseDto, caller: CallerInfo) {
    const org = caller.org
      ? await this.dataSource.getRepository(OrganisationEntity).findOneBy({ code: caller.org })
      : null;
    if (!org || !ENFORCEMENT_KINDS.includes(org.kind)) {
      throw forbidden({
        zh: '只有行政执法单位可以登记本单位的已结案件。',
        en: 'Only an enforcement agency registers its closed cases.',
      });
    }
    return this.register(org.code, dto, caller);
  }

  async registerForAgency(agencyCode: string, dto: RegisterCaseDto, caller: CallerInfo) {
    requireOrg(caller, FOLLOW_UP_OFFICE);
    const org = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ code: agencyCode });
    if (!org || !ENFORCEMENT_KINDS.includes(org.kind)) {
      throw unprocessable({
        zh: `办案单位“${agencyCode}”不是本县行政执法单位。`,
        en: `${agencyCode} is not one of the county's enforcement agencies.`,
      });
    }
    return this.register(agencyCode, dto, caller);
  }

  private async register(agencyCode: string, dto: RegisterCaseDto, caller: CallerInfo) {
    const row = {
      id: randomUUID(),
      agencyCode,
      caseKind: dto.caseKind,
      caseNumber: dto.caseNumber.trim(),
      title: dto.title.trim(),
      closedOn: dto.closedOn,
      partyName: dto.partyName.trim(),
      partyPhone: dto.partyPhone.trim(),
      drawId: null,
      registeredBy: caller.user,
    };
    try {
      await this.dataSource.getRepository(FollowUpCaseEntity).insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict({
          zh: `${CASE_KIND_LABEL[dto.caseKind]}案件“${row.caseNumber}”已登记。`,
          en: `The ${dto.caseKind} case ${row.caseNumber} is already registered.`,
        });
      }
      throw error;
    }
    return caseView({ ...row, registeredAt: new Date() } as FollowUpCaseEntity);
  }

  async cases(caller: CallerInfo, year?: number) {
    const where = {
      ...(caller.org === FOLLOW_UP_OFFICE ? {} : { agencyCode: caller.org ?? '' }),
      ...(year ? { closedOn: Between(`${year}-01-01`, `${year}-12-31`) } : {}),
    };
    const rows = await this.dataSource
      .getRepository(FollowUpCaseEntity)
      .find({ where, order: { closedOn: 'ASC', caseNumber: 'ASC' } });
    return { items: rows.map(caseView) };
  }

  /**
   * Samples the year's closed cases not yet in any draw, at the ratio of each kind, and creates their
   * visits with the local deadline. The seed, the population and the selection are recorded.
   */
  async draw(dto: DrawDto, caller: CallerInfo) {
    requireOrg(caller, FOLLOW_UP_OFFICE);
    const ratios: Record<FollowUpCaseKind, number> = { ...FOLLOW_UP_RULES.ratios, ...(dto.ratios ?? {}) };
    const seed = dto.seed ?? randomBytes(16).toString('hex');
    const id = randomUUID();
    const drawnAt = new Date();
    const due = dueAt(FOLLOW_UP_RULES.visitDue, drawnAt);
    await this.dataSource.transaction(async (manager) => {
      const population = await manager.find(FollowUpCaseEntity, {
        where: { drawId: IsNull(), closedOn: Between(`${dto.year}-01-01`, `${dto.year}-12-31`) },
        lock: { mode: 'pessimistic_write' },
      });
      if (population.length === 0) {
        throw unprocessable({
          zh: `${dto.year}年度没有尚未抽取的已结案件，请先登记案件。`,
          en: `No closed ${dto.year} cases are waiting to be drawn; register cases first.`,
        });
      }
      const byKind = Object.fromEntries(
        FOLLOW_UP_CASE_KINDS.map((k) => [k, population.filter((c) => c.caseKind === k).map((c) => c.id)]),
      ) as Record<FollowUpCaseKind, string[]>;
      const selected = drawSample(
        population.map((c) => ({ id: c.id, kind: c.caseKind })),
        ratios,
        seed,
      );
      await manager.insert(FollowUpDrawEntity, {
        id,
        year: dto.year,
        seed,
        ratios,
        population: byKind,
        selected,
        basis: dto.ratios ? FOLLOW_UP_BASIS_CUSTOM : FOLLOW_UP_RULES.ratioBasis,
        drawnBy: caller.user,
        drawnAt,
      });
      await manager.update(FollowUpCaseEntity, { id: In(population.map((c) => c.id)) }, { drawId: id });
      const chosen = population.filter((c) => Object.values(selected).flat().includes(c.id));
      await manager.insert(
        FollowUpVisitEntity,
        chosen.map((c) => ({
          id: randomUUID(),
          caseId: c.id,
          drawId: id,
          year: dto.year,
          agencyCode: c.agencyCode,
          caseKind: c.caseKind,
          dueAt: due,
          status: 'due' as const,
        })),
      );
    });
    return this.drawView(id, caller);
  }

  async drawView(id: string, caller: CallerInfo) {
    requireOrg(caller, FOLLOW_UP_OFFICE);
    const draw = await this.dataSource.getRepository(FollowUpDrawEntity).findOneBy({ id });
    if (!draw) throw notFound({ zh: '回访抽取记录', en: 'Draw' }, id);
    const visits = await this.dataSource.getRepository(FollowUpVisitEntity).findBy({ drawId: id });
    return {
      id: draw.id,
      year: draw.year,
      seed: draw.seed,
      ratios: draw.ratios,
      population: draw.population,
      selected: draw.selected,
      basis: draw.basis,
      drawnAt: draw.drawnAt.toISOString(),
      visits: visits.map((v) => visitView(v)),
    };
  }

  async visits(query: VisitQuery, caller: CallerInfo) {
    requireOrg(caller, FOLLOW_UP_OFFICE);
    const rows = await this.dataSource.getRepository(FollowUpVisitEntity).find({
      where: {
        ...(query.status ? { status: query.status } : {}),
        ...(query.year ? { year: query.year } : {}),
      },
      order: { dueAt: 'ASC', agencyCode: 'ASC' },
    });
    const cases = rows.length
      ? await this.dataSource.getRepository(FollowUpCaseEntity).findBy({ id: In(rows.map((r) => r.caseId)) })
      : [];
    return {
      items: rows.map((v) => {
        const c = cases.find((x) => x.id === v.caseId)!;
        return { ...visitView(v), case: caseView(c) };
      }),
    };
  }

  /**
   * The visit's result. A dissatisfied party or a reported problem asks the bureau for a supervision case;
   * every result is the agency's assessment input of the year. All in one transaction with the event.
   */
  async recordResult(id: string, dto: VisitResultDto, caller: CallerInfo) {
    requireOrg(caller, FOLLOW_UP_OFFICE);
    if (dto.reached && dto.satisfaction === undefined) {
      throw unprocessable({
        zh: '已联系上当事人的，请填写满意度（1—5分）。',
        en: 'The party was reached: give the satisfaction (1–5).',
      });
    }
    if (dto.satisfaction !== undefined && (dto.satisfaction < 1 || dto.satisfaction > 5)) {
      throw unprocessable({
        zh: `满意度应为1至5分，填写的是${dto.satisfaction}。`,
        en: `Satisfaction must be between 1 and 5; got ${dto.satisfaction}.`,
      });
    }
    if (!dto.reached && dto.satisfaction !== undefined) {
      throw unprocessable({
        zh: '未联系上当事人的，不能填写满意度。',
        en: 'The party was not reached, so there is no satisfaction to record.',
      });
    }
    const problems = dto.problems?.trim() || null;
    await this.dataSource.transaction(async (manager) => {
      const visit = await manager.findOne(FollowUpVisitEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!visit) throw notFound(VISIT, id);
      if (visit.status === 'done') {
        throw conflict({ zh: '该回访已记录结果。', en: 'The result of this visit is already recorded.' });
      }
      const c = await manager.findOneByOrFail(FollowUpCaseEntity, { id: visit.caseId });
      const result: VisitResult = !dto.reached
        ? 'unreached'
        : dto.satisfaction! <= FOLLOW_UP_RULES.dissatisfiedAtMost
          ? 'dissatisfied'
          : problems
            ? 'problem'
            : dto.satisfaction! >= FOLLOW_UP_RULES.satisfiedAtLeast
              ? 'satisfied'
              : 'neutral';
      const supervise = result === 'dissatisfied' || problems !== null;
      await manager.update(
        FollowUpVisitEntity,
        { id },
        {
          status: 'done',
          reached: dto.reached,
          satisfaction: dto.satisfaction ?? null,
          problems,
          result,
          method: dto.method,
          visitor: dto.visitor.trim(),
          note: dto.note?.trim() || null,
          supervisionRequested: supervise,
          visitedAt: new Date(),
          recordedBy: caller.user,
        },
      );
      await manager
        .createQueryBuilder()
        .insert()
        .into(AssessmentInputEntity)
        .values({
          id: randomUUID(),
          year: visit.year,
          unitCode: visit.agencyCode,
          source: ASSESSMENT_SOURCE.followUpVisit,
          sourceRef: visit.id,
          result,
          score: dto.satisfaction ?? null,
          outcome: `${CASE_KIND_LABEL[visit.caseKind]}案件回访：${RESULT_LABEL[result]}${
            dto.satisfaction !== undefined ? `（满意度${dto.satisfaction}分）` : ''
          }${problems ? '，当事人反映问题' : ''}`,
          detail: {
            caseKind: visit.caseKind,
            reached: dto.reached,
            problems: problems !== null,
            method: dto.method,
          },
          basis: FOLLOW_UP_RULES.satisfactionBasis,
        })
        .orIgnore()
        .execute();
      if (supervise) {
        await this.outbox.record<SupervisionCaseRequestedV1>(manager, {
          topic: TOPIC.supervisionCaseRequested,
          subject: visit.id,
          data: {
            source: SUPERVISION_SOURCE.followUpVisit,
            sourceRef: visit.id,
            requestedBy: FOLLOW_UP_OFFICE,
            agencyCode: visit.agencyCode,
            subject: `${CASE_KIND_LABEL[visit.caseKind]}案件回访${result === 'dissatisfied' ? '当事人不满意' : '当事人反映问题'}`,
            facts: [
              `案件“${c.caseNumber}”（${c.title}，${c.closedOn}结案）回访`,
              dto.satisfaction !== undefined ? `满意度${dto.satisfaction}分` : null,
              problems ? `反映问题：${problems}` : null,
            ]
              .filter((x) => x)
              .join('；'),
          },
        });
      }
    });
    this.outbox.kick();
    const visit = await this.dataSource.getRepository(FollowUpVisitEntity).findOneByOrFail({ id });
    return visitView(visit);
  }

  /** Visits past their due date without a result, as of the end of `asOf` (Beijing) or now. */
  async overdue(asOf: string | undefined, caller: CallerInfo) {
    requireOrg(caller, FOLLOW_UP_OFFICE);
    const at = asOf ? endOfBeijingDay(asOf) : new Date();
    const rows = await this.dataSource.getRepository(FollowUpVisitEntity).find({
      where: { status: 'due', dueAt: LessThan(at) },
      order: { dueAt: 'ASC' },
    });
    return { asOf: at.toISOString(), items: rows.map((v) => ({ ...visitView(v, at), overdue: true })) };
  }

  /** Per agency for a year: cases, visits, reached, satisfied rate, problems, overdue. */
  async statistics(query: StatisticsQuery, caller: CallerInfo) {
    requireOrg(caller, FOLLOW_UP_OFFICE);
    const at = query.asOf ? endOfBeijingDay(query.asOf) : new Date();
    const m = this.dataSource.manager;
    const cases = await m.findBy(FollowUpCaseEntity, {
      closedOn: Between(`${query.year}-01-01`, `${query.year}-12-31`),
    });
    const visits = await m.findBy(FollowUpVisitEntity, { year: query.year });
    const codes = [
      ...new Set([...cases.map((c) => c.agencyCode), ...visits.map((v) => v.agencyCode)]),
    ].sort();
    const orgs = codes.length ? await m.findBy(OrganisationEntity, { code: In(codes) }) : [];
    const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);
    return {
      year: query.year,
      asOf: at.toISOString(),
      satisfiedAtLeast: FOLLOW_UP_RULES.satisfiedAtLeast,
      agencies: codes.map((code) => {
        const own = visits.filter((v) => v.agencyCode === code);
        const done = own.filter((v) => v.status === 'done');
        const reached = done.filter((v) => v.reached);
        const satisfied = reached.filter((v) => (v.satisfaction ?? 0) >= FOLLOW_UP_RULES.satisfiedAtLeast);
        return {
          agencyCode: code,
          agencyName: orgs.find((o) => o.code === code)?.name ?? code,
          cases: cases.filter((c) => c.agencyCode === code).length,
          sampled: own.length,
          visited: done.length,
          reached: reached.length,
          satisfied: satisfied.length,
          satisfiedRate: rate(satisfied.length, reached.length),
          dissatisfied: done.filter((v) => v.result === 'dissatisfied').length,
          problems: done.filter((v) => v.problems !== null).length,
          supervisionRequested: done.filter((v) => v.supervisionRequested).length,
          overdue: own.filter((v) => v.status === 'due' && v.dueAt < at).length,
        };
      }),
    };
  }
}
