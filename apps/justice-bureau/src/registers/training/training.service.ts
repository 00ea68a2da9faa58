import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ASSESSMENT_SOURCE } from '@oversight/contracts';
import { CallerInfo, notFound, unprocessable } from '@oversight/platform';
import { EnforcementPersonEntity, PersonKind } from '../officers/enforcement-person.entity';
import { REGISTER_RULES } from '../register-rules';
import { ownerScope, visibleTo } from '../register-scope.util';
import { AnnualCheckQuery, RecordTrainingDto, TrainingQuery, TrainingRequirementDto } from './training.dto';
import { TrainingRecordEntity, TrainingRequirementEntity } from './training.entity';

/** The assessment row one annual check writes per organisation (re-running it updates the row). */
export const TRAINING_CHECK_REF = 'annual-training-check';

export interface PersonTraining {
  personId: string;
  name: string;
  kind: PersonKind;
  days: number;
  required: number;
  shortfall: number;
  met: boolean;
  sessions: number;
  quizzes: { trainedOn: string; score: number | null; passed: boolean | null }[];
}

export interface OrgTraining {
  org: string;
  orgName: string;
  people: number;
  met: number;
  percent: number | null;
  shortfalls: PersonTraining[];
  persons: PersonTraining[];
}

const round = (v: number, places = 2) => Math.round(v * 10 ** places) / 10 ** places;

/** Training records and the annual check against the plan's minimum days. */
@Injectable()
export class TrainingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(dto: RecordTrainingDto, caller: CallerInfo) {
    if (dto.days === undefined && dto.hours === undefined) {
      throw unprocessable({
        zh: '请填写培训天数或学时。',
        en: 'Give the training’s length in days or in hours.',
      });
    }
    return this.dataSource.transaction(async (m) => {
      const p = await m.findOneBy(EnforcementPersonEntity, { id: dto.personId });
      if (!p || !visibleTo(caller, p.orgCode)) {
        throw unprocessable({
          zh: '所填人员不存在或不属于本单位。',
          en: 'The person does not exist or is not in your organisation.',
        });
      }
      const days = dto.days ?? round((dto.hours ?? 0) / REGISTER_RULES.hoursPerTrainingDay.hours);
      const id = randomUUID();
      await m.insert(TrainingRecordEntity, {
        id,
        personId: p.id,
        trainedOn: dto.trainedOn,
        days,
        hours: dto.hours ?? null,
        topic: dto.topic,
        kind: dto.kind,
        quizScore: dto.quizScore ?? null,
        quizPassed: dto.quizPassed ?? null,
        recordedBy: caller.user,
      });
      return {
        id,
        personId: p.id,
        name: p.name,
        trainedOn: dto.trainedOn,
        days,
        hours: dto.hours ?? null,
        topic: dto.topic,
        kind: dto.kind,
        quizScore: dto.quizScore ?? null,
        quizPassed: dto.quizPassed ?? null,
      };
    });
  }

  async list(query: TrainingQuery, caller: CallerInfo) {
    const scope = ownerScope(caller);
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.person_id, p.name, p.org_code, t.trained_on::text AS trained_on, t.days, t.hours, t.topic,
              t.kind, t.quiz_score, t.quiz_passed
         FROM justice_bureau.training_record t JOIN justice_bureau.enforcement_person p ON p.id = t.person_id
        WHERE ($1::text IS NULL OR p.org_code = $1) AND ($2::uuid IS NULL OR t.person_id = $2)
          AND ($3::int IS NULL OR extract(year FROM t.trained_on) = $3)
        ORDER BY t.trained_on, p.name`,
      [scope ?? query.org ?? null, query.personId ?? null, query.year ?? null],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      name: r.name,
      org: r.org_code,
      trainedOn: r.trained_on,
      days: Number(r.days),
      hours: r.hours === null ? null : Number(r.hours),
      topic: r.topic,
      kind: r.kind,
      quizScore: r.quiz_score === null ? null : Number(r.quiz_score),
      quizPassed: r.quiz_passed,
    }));
  }

  requirements() {
    return this.dataSource.getRepository(TrainingRequirementEntity).find({ order: { personKind: 'DESC' } });
  }

  async setRequirement(kind: string, dto: TrainingRequirementDto, caller: CallerInfo) {
    const repo = this.dataSource.getRepository(TrainingRequirementEntity);
    const row = await repo.findOneBy({ personKind: kind as PersonKind });
    if (!row) throw notFound({ zh: '培训要求', en: 'Training requirement' }, kind);
    await repo.update(kind, {
      minDays: dto.minDays,
      basis: dto.basis,
      updatedBy: caller.user,
      updatedAt: new Date(),
    });
    return repo.findOneByOrFail({ personKind: kind as PersonKind });
  }

  /** Days trained by every active person in the year against the requirement, per organisation. */
  async annualCheck(query: AnnualCheckQuery, caller: CallerInfo, m: EntityManager = this.dataSource.manager) {
    const scope = ownerScope(caller);
    const required = new Map((await m.find(TrainingRequirementEntity)).map((r) => [r.personKind, r]));
    const rows = (await m.query(
      `SELECT p.id, p.name, p.kind, p.org_code, o.name AS org_name,
              COALESCE(sum(t.days), 0) AS days, count(t.id) AS sessions,
              COALESCE(jsonb_agg(jsonb_build_object('trainedOn', t.trained_on, 'score', t.quiz_score,
                'passed', t.quiz_passed) ORDER BY t.trained_on) FILTER (WHERE t.kind = '抽考'
                OR t.quiz_score IS NOT NULL), '[]') AS quizzes
         FROM justice_bureau.enforcement_person p
         JOIN justice_bureau.organisation o ON o.code = p.org_code
         LEFT JOIN justice_bureau.training_record t
           ON t.person_id = p.id AND extract(year FROM t.trained_on) = $1
        WHERE p.status = 'active' AND ($2::text IS NULL OR p.org_code = $2)
        GROUP BY p.id, p.name, p.kind, p.org_code, o.name
        ORDER BY p.org_code, p.name`,
      [query.year, scope ?? query.org ?? null],
    )) as Record<string, unknown>[];
    const byOrg = new Map<string, OrgTraining>();
    for (const r of rows) {
      const kind = r.kind as PersonKind;
      const min = required.get(kind)?.minDays ?? 0;
      const days = round(Number(r.days));
      const person: PersonTraining = {
        personId: String(r.id),
        name: String(r.name),
        kind,
        days,
        required: min,
        shortfall: round(Math.max(0, min - days)),
        met: days >= min,
        sessions: Number(r.sessions),
        quizzes: r.quizzes as PersonTraining['quizzes'],
      };
      const org = String(r.org_code);
      const entry = byOrg.get(org) ?? {
        org,
        orgName: String(r.org_name),
        people: 0,
        met: 0,
        percent: null,
        shortfalls: [],
        persons: [],
      };
      entry.people += 1;
      if (person.met) entry.met += 1;
      else entry.shortfalls.push(person);
      entry.persons.push(person);
      entry.percent = round((entry.met / entry.people) * 100, 1);
      byOrg.set(org, entry);
    }
    return {
      year: query.year,
      requirements: [...required.values()].map((r) => ({
        kind: r.personKind,
        minDays: r.minDays,
        basis: r.basis,
      })),
      organisations: [...byOrg.values()],
    };
  }

  /** Writes one assessment input per organisation (score = % of people meeting the requirement). */
  runAnnualCheck(year: number, caller: CallerInfo) {
    return this.dataSource.transaction(async (m) => {
      const check = await this.annualCheck({ year }, caller, m);
      const basis = check.requirements.map((r) => r.basis).join('；');
      for (const o of check.organisations) {
        await m.query(
          `INSERT INTO justice_bureau.assessment_input
             (id, year, unit_code, source, source_ref, result, score, outcome, detail, basis)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (year, unit_code, source, source_ref) DO UPDATE SET
             result = EXCLUDED.result, score = EXCLUDED.score, outcome = EXCLUDED.outcome,
             detail = EXCLUDED.detail, basis = EXCLUDED.basis, recorded_at = now()`,
          [
            randomUUID(),
            year,
            o.org,
            ASSESSMENT_SOURCE.training,
            TRAINING_CHECK_REF,
            o.met === o.people ? 'met' : 'shortfall',
            o.percent,
            o.met === o.people
              ? `全部${o.people}人达到年度培训要求`
              : `${o.people}人中${o.met}人达到年度培训要求，${o.people - o.met}人未达标`,
            JSON.stringify({
              people: o.people,
              met: o.met,
              shortfalls: o.shortfalls.map((p) => ({
                personId: p.personId,
                name: p.name,
                kind: p.kind,
                days: p.days,
                required: p.required,
              })),
            }),
            basis,
          ],
        );
      }
      return { ...check, recorded: check.organisations.length };
    });
  }
}
