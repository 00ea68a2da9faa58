import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { renderPdf, renderXlsx, TableSpec } from '@oversight/documents';
import { ComplaintStatisticsService } from './complaint-statistics.service';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/**
 * The annual public report on complaints. Its chapters follow the contents a 信访 annual report must
 * carry (信访工作条例 第四十一条 as read by the county; verify against the text before publication):
 * volume and channels, acceptance and handling, timeliness, assignment and supervision, appeals,
 * the areas and bodies most complained about, and satisfaction. Aggregates only, no personal data.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statistics: ComplaintStatisticsService,
  ) {}

  async data(year: number) {
    const stats = await this.statistics.statistics({ from: `${year}-01-01`, to: `${year}-12-31` });
    const params = [year];
    const inYear = `extract(year FROM c.created_at AT TIME ZONE 'Asia/Shanghai') = $1`;
    const [supervision] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE n.level = 'reminder') AS reminders,
              count(*) FILTER (WHERE n.level = 'overdue') AS overdue,
              count(*) FILTER (WHERE n.level = 'circular') AS circulars
         FROM justice_bureau.supervision_notice n JOIN justice_bureau.complaint c ON c.id = n.complaint_id
        WHERE ${inYear}`,
      params,
    )) as Record<string, string>[];
    const [appeals] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE a.stage = 'review') AS reviews,
              count(*) FILTER (WHERE a.stage = 'recheck') AS rechecks,
              count(*) FILTER (WHERE a.decision = 'revise') AS revised
         FROM justice_bureau.appeal a JOIN justice_bureau.complaint c ON c.id = a.complaint_id
        WHERE ${inYear}`,
      params,
    )) as Record<string, string>[];
    const [extensions] = (await this.dataSource.query(
      `SELECT count(*) AS approved FROM justice_bureau.extension_request e
         JOIN justice_bureau.complaint c ON c.id = e.complaint_id WHERE e.status = 'approved' AND ${inYear}`,
      params,
    )) as Record<string, string>[];
    return {
      year,
      ...stats,
      assignment: {
        assigned: Number(
          (
            (await this.dataSource.query(
              `SELECT count(*) AS n FROM justice_bureau.complaint c WHERE c.assigned_at IS NOT NULL AND ${inYear}`,
              params,
            )) as { n: string }[]
          )[0].n,
        ),
        extensionsApproved: Number(extensions.approved),
      },
      supervision: {
        reminders: Number(supervision.reminders),
        overdueNotices: Number(supervision.overdue),
        circulars: Number(supervision.circulars),
      },
      appeals: {
        reviews: Number(appeals.reviews),
        rechecks: Number(appeals.rechecks),
        revised: Number(appeals.revised),
      },
    };
  }

  async xlsx(year: number): Promise<Buffer> {
    const d = await this.data(year);
    const [summary, agencies, categories] = this.tables(d);
    return renderXlsx([
      { name: '总体情况', title: `${year}年度投诉举报工作统计`, ...summary },
      { name: '按单位', title: '按被投诉单位统计', ...agencies },
      { name: '按类别', title: '按投诉类别统计', ...categories },
    ]);
  }

  async pdf(year: number): Promise<Buffer> {
    const d = await this.data(year);
    const [summary, agencies, categories] = this.tables(d);
    return renderPdf({
      title: `阳新县行政执法投诉举报${year}年度工作报告`,
      subtitle: '县司法局（县行政执法协调监督工作领导小组办公室）',
      meta: { author: '阳新县司法局', subject: `${year}年度投诉举报工作报告` },
      sections: [
        {
          heading: '一、总体情况',
          paragraphs: [
            `${year}年共登记行政执法投诉举报${d.total}件，其中受理${d.outcomes.accepted}件、不予受理${d.outcomes.rejected}件、转送有权机关${d.outcomes.forwarded}件。`,
            `已答复${d.outcomes.replied}件，按期答复率${pct(d.onTimeRate)}；已办结${d.outcomes.closed}件。经调查属实${d.outcomes.substantiated}件。`,
          ],
          table: summary,
        },
        {
          heading: '二、交办与督办情况',
          paragraphs: [
            `交办承办单位${d.assignment.assigned}件，经批准延期${d.assignment.extensionsApproved}件；发出临期提醒${d.supervision.reminders}次、逾期督办${d.supervision.overdueNotices}次、通报${d.supervision.circulars}次。`,
          ],
        },
        {
          heading: '三、复查复核情况',
          paragraphs: [
            `申请复查${d.appeals.reviews}件、复核${d.appeals.rechecks}件，变更原处理意见${d.appeals.revised}件。`,
          ],
        },
        { heading: '四、被投诉单位情况', table: agencies },
        { heading: '五、投诉事项类别', table: categories },
        {
          heading: '六、群众满意度',
          paragraphs: [
            `回访评价：满意${d.satisfaction.satisfied}件，基本满意${d.satisfaction.basicallySatisfied}件，不满意${d.satisfaction.dissatisfied}件。`,
          ],
        },
      ],
      footer: '本报告依据投诉举报办理数据自动生成，不含投诉人个人信息。',
    });
  }

  private tables(d: Awaited<ReturnType<AnnualReportService['data']>>): TableSpec[] {
    const summary: TableSpec = {
      columns: [
        { key: 'item', header: '项目', width: 24 },
        { key: 'value', header: '数量', width: 12 },
      ],
      rows: [
        { item: '登记总数', value: d.total },
        { item: '受理', value: d.outcomes.accepted },
        { item: '不予受理', value: d.outcomes.rejected },
        { item: '转送', value: d.outcomes.forwarded },
        { item: '已答复', value: d.outcomes.replied },
        { item: '按期答复率', value: pct(d.onTimeRate) },
        { item: '已办结', value: d.outcomes.closed },
        { item: '属实', value: d.outcomes.substantiated },
        { item: '逾期督办', value: d.supervision.overdueNotices },
        { item: '复查', value: d.appeals.reviews },
        { item: '复核', value: d.appeals.rechecks },
      ],
    };
    const agencies: TableSpec = {
      columns: [
        { key: 'name', header: '单位', width: 24 },
        { key: 'total', header: '投诉件数', width: 10 },
        { key: 'replied', header: '已答复', width: 10 },
        { key: 'onTime', header: '按期率', width: 10 },
        { key: 'substantiated', header: '属实', width: 10 },
      ],
      rows: d.byAgency.map((a) => ({ ...a, onTime: pct(a.onTimeRate) })),
    };
    const categories: TableSpec = {
      columns: [
        { key: 'label', header: '类别', width: 24 },
        { key: 'total', header: '件数', width: 10 },
        { key: 'substantiated', header: '属实', width: 10 },
      ],
      rows: d.byCategory,
    };
    return [summary, agencies, categories];
  }
}
