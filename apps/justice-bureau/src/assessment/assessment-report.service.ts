import { Injectable } from '@nestjs/common';
import { beijingDate } from '@oversight/deadlines';
import { renderPdf, renderXlsx, TableSpec } from '@oversight/documents';
import { notFound } from '@oversight/platform';
import { FAIL_CONSEQUENCES, GRADES, indicator, INDICATORS } from './assessment-indicators';
import { round1, UnitResult } from './assessment-scoring.util';
import { AssessmentRunEntity } from './assessment.entity';
import { AssessmentService } from './assessment.service';

const KIND_LABEL: Record<string, string> = { agency: '县直部门', town: '镇（区）' };
const pct = (n: number | null) => (n === null ? '无数据' : `${n}%`);
const num = (n: number | null) => (n === null ? '无数据' : String(n));
const ind = (u: UnitResult, code: string) => u.indicators.find((i) => i.code === code)!;

/**
 * The annual report to the county party committee and government (年度行政执法监督工作报告 /
 * 考核结果报告, plan 四（五）2) as PDF, and the public annual reports (执法机关年度报告) once published.
 */
@Injectable()
export class AssessmentReportService {
  constructor(private readonly assessments: AssessmentService) {}

  async pdf(run: AssessmentRunEntity): Promise<Buffer> {
    const s = run.summary;
    const results = run.results;
    const failed = results.filter((u) => u.grade === 'fail');
    const ungraded = results.filter((u) => u.grade === null);
    const gradeCounts = GRADES.thresholds.map((t) => `${t.label.zh}${s.byGrade[t.grade] ?? 0}个`).join('、');
    const draft = run.status === 'published' ? '' : '（未发布稿）';
    const ranking: TableSpec = {
      columns: [
        { key: 'rank', header: '名次', width: 6 },
        { key: 'name', header: '单位', width: 24 },
        { key: 'total', header: '总分', width: 8 },
        { key: 'grade', header: '等次', width: 10 },
        { key: 'onTime', header: '按时办结率', width: 11 },
        { key: 'complaints', header: '投诉件数', width: 9 },
        { key: 'corrections', header: '纠错件数', width: 9 },
      ],
      rows: results
        .filter((u) => u.grade !== null)
        .map((u) => ({
          rank: u.rank,
          name: u.name,
          total: u.total,
          grade: u.gradeLabel.zh,
          onTime: pct(ind(u, 'on-time-rate').raw),
          complaints: num(ind(u, 'complaints').raw),
          corrections: num(ind(u, 'corrections').raw),
        })),
    };
    const weights: TableSpec = {
      columns: [
        { key: 'name', header: '考核指标', width: 14 },
        { key: 'weight', header: '权重', width: 6 },
        { key: 'direction', header: '方向', width: 8 },
        { key: 'basis', header: '依据', width: 36 },
      ],
      rows: INDICATORS.map((i) => ({
        name: i.name.zh,
        weight: run.weights[i.code],
        direction: i.direction === 'higher-is-better' ? '越高越好' : '越低越好',
        basis: i.planSection,
      })),
    };
    return renderPdf({
      title: `阳新县${run.year}年度行政执法监督工作报告`,
      subtitle: `（行政执法考核结果报告）${draft}\n县司法局（县行政执法协调监督工作领导小组办公室）`,
      meta: { author: '阳新县司法局', subject: `${run.year}年度行政执法考核结果报告` },
      sections: [
        {
          paragraphs: [
            '中共阳新县委、阳新县人民政府：',
            `根据《实施方案》四（五）2“县司法行政部门每年度对县直各行政执法部门和各镇（区）……进行考评并向党委、政府专题报告”的要求，现将${run.year}年度行政执法考核结果报告如下。`,
          ],
        },
        {
          heading: '一、基本情况',
          paragraphs: [
            `本年度共考核县直行政执法部门和镇（区）${s.units}个，评定等次${s.graded}个：${gradeCounts}；因数据不足不予评定${s.byGrade.ungraded ?? 0}个。`,
            `全年登记针对各单位的行政执法投诉举报${s.complaints}件；监督检查认定过错并责令纠错${s.corrections}件。`,
            `移交各单位办理且本年度到期的事项${s.transfersDue}件，按时办结${s.transfersOnTime}件，按时办结率${pct(s.onTimeRate)}。`,
          ],
        },
        {
          heading: '二、考核指标和权重',
          paragraphs: [
            `权重${run.weightsSource === 'office' ? '由县司法局确定' : '采用默认值'}，合计100。某项指标无数据的单位，该项不计分（显示为“无数据”），其权重按其余指标权重比例分配；等次：优秀90分以上、良好80分以上、合格60分以上、60分以下为不合格。`,
          ],
          table: weights,
        },
        {
          heading: '三、各项指标全县情况',
          paragraphs: [
            '各项指标按有数据的单位统计；无数据的单位不计入平均得分（案卷评查、培训、回访等由相关工作记录生成）。',
          ],
          table: countyIndicators(results),
        },
        { heading: '四、考核结果排名', table: ranking },
        {
          heading: '五、评定为不合格的单位及处理意见',
          paragraphs:
            failed.length === 0
              ? ['本年度无评定为不合格的单位。']
              : [
                  `评定为不合格的单位（${failed.length}个）：${failed.map((u) => `${u.name}（${u.total}分）`).join('、')}。`,
                  ...failed.map((u) => `${u.name}：${weakest(u)}`),
                  `处理意见：${FAIL_CONSEQUENCES.text}（依据：${FAIL_CONSEQUENCES.basis}）`,
                ],
        },
        {
          heading: '六、不予评定的单位',
          paragraphs: [
            ungraded.length === 0
              ? '无。'
              : `以下单位有数据的指标权重合计不足50%，本年度不予评定等次，由县司法局督促补齐相关工作记录：${ungraded.map((u) => u.name).join('、')}。`,
          ],
        },
      ],
      footer: `依据${run.year}年度第${run.seq}次考核计算结果生成（计算日期${beijingDate(run.computedAt)}）；不含个人信息。`,
    });
  }

  /** The run as a workbook: every unit with each indicator's raw value and score, then the weights. */
  async xlsx(run: AssessmentRunEntity): Promise<Buffer> {
    const columns = [
      { key: 'rank', header: '名次', width: 6 },
      { key: 'name', header: '单位', width: 24 },
      { key: 'kind', header: '类别', width: 10 },
      ...INDICATORS.flatMap((i) => [
        { key: `${i.code}:raw`, header: `${i.name.zh}（${i.unit}）`, width: 14 },
        { key: `${i.code}:score`, header: `${i.name.zh}得分`, width: 12 },
      ]),
      { key: 'coverage', header: '数据覆盖（%）', width: 12 },
      { key: 'total', header: '总分', width: 8 },
      { key: 'grade', header: '等次', width: 16 },
    ];
    const rows = run.results.map((u) => ({
      rank: u.rank,
      name: u.name,
      kind: KIND_LABEL[u.kind] ?? u.kind,
      ...Object.fromEntries(
        u.indicators.flatMap((i) => [
          [`${i.code}:raw`, i.raw ?? '无数据'],
          [`${i.code}:score`, i.score ?? '无数据'],
        ]),
      ),
      coverage: u.coverage,
      total: u.total,
      grade: u.gradeLabel.zh,
    }));
    return renderXlsx([
      { name: '考核结果', title: `${run.year}年度行政执法考核结果（第${run.seq}次计算）`, columns, rows },
      {
        name: '指标和权重',
        columns: [
          { key: 'name', header: '考核指标', width: 14 },
          { key: 'weight', header: '权重', width: 8 },
          { key: 'computation', header: '计算方法', width: 60 },
          { key: 'basis', header: '依据', width: 36 },
        ],
        rows: INDICATORS.map((i) => ({
          name: i.name.zh,
          weight: run.weights[i.code],
          computation: i.computation.zh,
          basis: i.planSection,
        })),
      },
    ]);
  }

  /** The public annual report (执法机关年度报告): the county and each unit; 404 before publication. */
  async publicReport(year: number, unitCode?: string) {
    const run = await this.assessments.published(year);
    if (!run) {
      throw notFound({ zh: '已发布的年度考核结果', en: 'published annual assessment' }, String(year));
    }
    const units = run.results.map((u) => {
      const onTime = ind(u, 'on-time-rate');
      return {
        code: u.code,
        name: u.name,
        kind: u.kind,
        kindLabel: KIND_LABEL[u.kind] ?? u.kind,
        complaints: ind(u, 'complaints').raw,
        corrections: ind(u, 'corrections').raw,
        transfersDue: onTime.detail.due ?? 0,
        transfersOnTime: onTime.detail.onTime ?? 0,
        onTimeRate: onTime.raw,
        total: u.total,
        grade: u.grade,
        gradeLabel: u.gradeLabel,
        rank: u.rank,
      };
    });
    const meta = {
      year,
      title: `阳新县${year}年度行政执法机关年度报告`,
      publishedAt: run.publishedAt?.toISOString() ?? null,
      indicators: INDICATORS.map((i) => ({ code: i.code, name: i.name, weight: run.weights[i.code] })),
    };
    if (unitCode) {
      const unit = units.find((u) => u.code === unitCode);
      if (!unit) throw notFound({ zh: '考核单位', en: 'assessed unit' }, unitCode);
      // A unit's own report also shows each indicator (aggregates only, no personal data).
      const result = run.results.find((u) => u.code === unitCode)!;
      const indicators = result.indicators.map((i) => ({
        code: i.code,
        name: indicator(i.code).name,
        unit: indicator(i.code).unit,
        raw: i.raw,
        score: i.score,
        noData: i.noData,
      }));
      return { ...meta, unit: { ...unit, coverage: result.coverage, indicators } };
    }
    return { ...meta, county: run.summary, units };
  }
}

/** Per indicator: how many units have data and their mean score. */
function countyIndicators(results: UnitResult[]): TableSpec {
  return {
    columns: [
      { key: 'name', header: '考核指标', width: 16 },
      { key: 'units', header: '有数据单位数', width: 12 },
      { key: 'noData', header: '无数据单位数', width: 12 },
      { key: 'mean', header: '平均得分', width: 10 },
    ],
    rows: INDICATORS.map((def) => {
      const scores = results.map((u) => ind(u, def.code).score).filter((s): s is number => s !== null);
      return {
        name: def.name.zh,
        units: scores.length,
        noData: results.length - scores.length,
        mean: scores.length === 0 ? '无数据' : round1(scores.reduce((a, b) => a + b, 0) / scores.length),
      };
    }),
  };
}

/** The indicators that pulled a failing unit down, lowest score first, for the report. */
function weakest(u: UnitResult): string {
  const low = u.indicators
    .filter((i) => i.score !== null && i.score < 60)
    .sort((a, b) => a.score! - b.score!)
    .map((i) => `${indicator(i.code).name.zh}${i.raw}${indicator(i.code).unit}（得分${i.score}）`);
  return low.length > 0 ? `主要失分项为${low.join('、')}。` : '各项得分普遍偏低。';
}
