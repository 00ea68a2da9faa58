import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { badRequest, CallerInfo, conflict, notFound, unprocessable } from '@oversight/platform';
import {
  ASSESSED_KINDS,
  COMPLAINT_EXCLUDED_STATUSES,
  DEFAULT_WEIGHTS,
  FAIL_CONSEQUENCES,
  GRADES,
  INDICATORS,
  INPUT_READING,
  MIN_COVERAGE,
  WEIGHT_TOTAL,
  Weights,
} from './assessment-indicators';
import { AssessmentInputsService } from './assessment-inputs.service';
import { assessUnit, checkWeights, rankUnits, round1, UnitResult } from './assessment-scoring.util';
import { PublishRunDto, SetWeightsDto } from './assessment.dto';
import { AssessmentRunEntity, AssessmentWeightsEntity, RunSummary } from './assessment.entity';

const RUN = { zh: '考核计算结果', en: 'assessment run' };

/** A year in a path: a whole number the assessment can be about. */
export function assessmentYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) {
    throw badRequest(
      {
        zh: `考核年度应为2000至2100之间的四位年份，填写的是“${value}”`,
        en: `The year must be 2000–2100; got "${value}"`,
      },
      [{ field: 'year', zh: '考核年度：格式不正确', en: 'year has the wrong format' }],
    );
  }
  return year;
}

/** The catalogue, thresholds and rules, as stored with every run. */
export function assessmentRules() {
  return {
    indicators: INDICATORS,
    defaultWeights: DEFAULT_WEIGHTS,
    weightTotal: WEIGHT_TOTAL,
    grades: GRADES,
    minCoverage: MIN_COVERAGE,
    assessedKinds: ASSESSED_KINDS,
    complaintExcludedStatuses: COMPLAINT_EXCLUDED_STATUSES,
    inputReading: INPUT_READING,
    failConsequences: FAIL_CONSEQUENCES,
    noDataRule: {
      zh: '某项指标无数据的单位，该项不计分（显示为“无数据”），其权重按其余有数据指标的权重比例分配；有数据指标权重合计不足50%的单位不予评定等次',
      en: 'an indicator without data is left out (shown as 无数据) and its weight is shared among the others in proportion to their weights; a unit whose indicators with data carry less than 50% of the weight is not graded',
    },
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The office's annual assessment: weights per year, computation runs, publication. */
@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inputs: AssessmentInputsService,
  ) {}

  async weightsOf(year: number, manager: EntityManager = this.dataSource.manager) {
    const set = await manager.findOneBy(AssessmentWeightsEntity, { year });
    return set
      ? {
          year,
          weights: set.weights,
          source: 'office' as const,
          note: set.note,
          setBy: set.setBy,
          setAt: iso(set.setAt),
        }
      : {
          year,
          weights: { ...DEFAULT_WEIGHTS.weights } as Weights,
          source: 'default' as const,
          basis: DEFAULT_WEIGHTS.basis,
          note: null,
          setBy: null,
          setAt: null,
        };
  }

  async setWeights(year: number, dto: SetWeightsDto, caller: CallerInfo) {
    const checked = checkWeights(dto.weights);
    if ('problems' in checked) {
      throw unprocessable({
        zh: `考核权重有误：${checked.problems.map((p) => p.zh).join('；')}`,
        en: `The weights are not valid: ${checked.problems.map((p) => p.en).join('; ')}`,
      });
    }
    await this.dataSource.manager.upsert(
      AssessmentWeightsEntity,
      {
        year,
        weights: checked.weights,
        note: dto.note ?? null,
        setBy: caller.user ?? 'unknown',
        setAt: new Date(),
      },
      ['year'],
    );
    return this.weightsOf(year);
  }

  /** Computes the year for every assessed unit and stores it as a new run. */
  async compute(year: number, caller: CallerInfo) {
    const run = await this.dataSource.transaction(async (manager) => {
      // One computation per year at a time, so run numbers follow each other.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('assessment-run'), $1)`, [year]);
      const { weights, source } = await this.weightsOf(year, manager);
      const asOf = new Date();
      const facts = await this.inputs.collect(manager, year, asOf);
      const results = rankUnits(facts.map((f) => assessUnit(f, weights)));
      const [{ seq }] = (await manager.query(
        `SELECT COALESCE(max(seq), 0) + 1 AS seq FROM justice_bureau.assessment_run WHERE year = $1`,
        [year],
      )) as { seq: number }[];
      const entity = manager.create(AssessmentRunEntity, {
        id: randomUUID(),
        year,
        seq: Number(seq),
        status: 'computed',
        weights,
        weightsSource: source,
        rules: assessmentRules(),
        inputs: facts,
        results,
        summary: summarise(results),
        asOf,
        computedBy: caller.user ?? 'unknown',
        computedAt: asOf,
        publishedBy: null,
        publishedAt: null,
        supersededBy: null,
        supersededAt: null,
        supersedeReason: null,
      });
      return manager.save(entity);
    });
    return this.view(run, true);
  }

  async runs(year: number) {
    const runs = await this.dataSource.manager.find(AssessmentRunEntity, {
      where: { year },
      order: { seq: 'DESC' },
    });
    return { year, items: runs.map((r) => this.view(r, false)) };
  }

  async run(year: number, id: string): Promise<AssessmentRunEntity> {
    const run = await this.dataSource.manager.findOneBy(AssessmentRunEntity, { id, year });
    if (!run) throw notFound(RUN, `${year}/${id}`);
    return run;
  }

  async detail(year: number, id: string) {
    return this.view(await this.run(year, id), true);
  }

  /** The year's published run, or null before the office publishes. */
  async published(year: number): Promise<AssessmentRunEntity | null> {
    return this.dataSource.manager.findOneBy(AssessmentRunEntity, { year, status: 'published' });
  }

  /**
   * Publishes a run. A year has at most one published run: publishing another answers 409 unless the
   * office supersedes the first explicitly, with a reason kept on the superseded run.
   */
  async publish(year: number, id: string, dto: PublishRunDto, caller: CallerInfo) {
    const run = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('assessment-run'), $1)`, [year]);
      const target = await manager.findOneBy(AssessmentRunEntity, { id, year });
      if (!target) throw notFound(RUN, `${year}/${id}`);
      if (target.status === 'published') {
        throw conflict({
          zh: `${year}年度第${target.seq}次考核计算结果已经发布，无需重复发布。`,
          en: `Run ${target.seq} of ${year} is already published.`,
        });
      }
      if (target.status === 'superseded') {
        throw conflict({
          zh: `${year}年度第${target.seq}次考核计算结果已被替代，不能再发布；请重新计算后发布。`,
          en: `Run ${target.seq} of ${year} was superseded and cannot be published again; compute a new run.`,
        });
      }
      const current = await manager.findOneBy(AssessmentRunEntity, { year, status: 'published' });
      const now = new Date();
      if (current) {
        if (!dto.supersede) {
          throw conflict({
            zh: `${year}年度已发布第${current.seq}次考核计算结果。如需以第${target.seq}次结果替代，请明确选择“替代已发布结果”并说明理由。`,
            en: `Run ${current.seq} of ${year} is already published. To replace it with run ${target.seq}, supersede it explicitly and give a reason.`,
          });
        }
        if (!dto.reason) {
          throw unprocessable({
            zh: '替代已发布的考核结果须说明理由。',
            en: 'Superseding a published assessment requires a reason.',
          });
        }
        await manager.update(
          AssessmentRunEntity,
          { id: current.id },
          { status: 'superseded', supersededBy: target.id, supersededAt: now, supersedeReason: dto.reason },
        );
      }
      await manager.update(
        AssessmentRunEntity,
        { id: target.id },
        { status: 'published', publishedBy: caller.user ?? 'unknown', publishedAt: now },
      );
      return manager.findOneByOrFail(AssessmentRunEntity, { id: target.id });
    });
    return this.view(run, false);
  }

  view(run: AssessmentRunEntity, withInputs: boolean) {
    return {
      id: run.id,
      year: run.year,
      seq: run.seq,
      status: run.status,
      weights: run.weights,
      weightsSource: run.weightsSource,
      asOf: iso(run.asOf),
      computedBy: run.computedBy,
      computedAt: iso(run.computedAt),
      publishedBy: run.publishedBy,
      publishedAt: iso(run.publishedAt),
      supersededBy: run.supersededBy,
      supersededAt: iso(run.supersededAt),
      supersedeReason: run.supersedeReason,
      summary: run.summary,
      // Indicator names from the catalogue the run was computed with, for readers of the bare results.
      units: run.results.map((u) => ({
        ...u,
        indicators: u.indicators.map((i) => ({
          ...i,
          name: INDICATORS.find((d) => d.code === i.code)?.name ?? { zh: i.code, en: i.code },
        })),
      })),
      ...(withInputs ? { inputs: run.inputs, rules: run.rules } : {}),
    };
  }
}

/** The county's figures of a run. */
export function summarise(results: UnitResult[]): RunSummary {
  const byGrade: Record<string, number> = Object.fromEntries(GRADES.thresholds.map((t) => [t.grade, 0]));
  byGrade.ungraded = 0;
  let complaints = 0;
  let corrections = 0;
  let due = 0;
  let onTime = 0;
  for (const u of results) {
    byGrade[u.grade ?? 'ungraded'] += 1;
    const ind = (code: string) => u.indicators.find((i) => i.code === code)!;
    complaints += ind('complaints').raw ?? 0;
    corrections += ind('corrections').raw ?? 0;
    due += ind('on-time-rate').detail.due ?? 0;
    onTime += ind('on-time-rate').detail.onTime ?? 0;
  }
  return {
    units: results.length,
    graded: results.filter((u) => u.grade !== null).length,
    byGrade,
    complaints,
    corrections,
    transfersDue: due,
    transfersOnTime: onTime,
    onTimeRate: due === 0 ? null : round1((onTime * 100) / due),
  };
}
