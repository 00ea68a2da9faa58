import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { renderPdf, renderXlsx, TableSpec } from '@oversight/documents';
import { CallerInfo, requireOrg } from '@oversight/platform';
import { ASSESSMENT_RULES, chineseDay, lastDay, windowText } from './acceptance-calendar';
import {
  AcceptanceInspectionEntity,
  AcceptanceNoticeEntity,
  AcceptanceRectificationEntity,
  AcceptanceSelfCheckEntity,
} from './acceptance-campaign.entity';
import { AcceptanceCampaignService } from './acceptance-campaign.service';
import { AcceptanceBoardService, BoardRow } from './acceptance-board.service';
import { applicableItems } from './acceptance-checklist';
import { LEADING_GROUP_OFFICE, WINDOW_LABEL } from './acceptance-stage.util';

const KIND_LABEL = { agency: '县直部门', town: '镇（区）' } as const;
const RESULT_LABEL = { accepted: '通过', failed: '不通过' } as const;
const score = (n: number | null) => (n === null ? '—' : n);
const late = (r: BoardRow) => r.lateWindows.map((w) => w.label.zh).join('、') || '无';

/**
 * The campaign's ledger (工作台帐, Excel) and its report to the provincial office (PDF, CJK font
 * embedded), both generated from the same records the board shows.
 */
@Injectable()
export class AcceptanceReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: AcceptanceCampaignService,
    private readonly board: AcceptanceBoardService,
  ) {}

  async ledger(campaignId: string, caller: CallerInfo): Promise<{ year: number; content: Buffer }> {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    const campaign = await this.campaigns.campaign(campaignId);
    const rows = await this.board.rows(campaign);
    const where = { campaignId };
    const m = this.dataSource.manager;
    const [selfChecks, inspections, rectifications, notices] = await Promise.all([
      m.findBy(AcceptanceSelfCheckEntity, where),
      m.find(AcceptanceInspectionEntity, { where, order: { unitCode: 'ASC', round: 'ASC' } }),
      m.find(AcceptanceRectificationEntity, { where, order: { unitCode: 'ASC', round: 'ASC' } }),
      m.find(AcceptanceNoticeEntity, { where, order: { raisedAt: 'ASC' } }),
    ]);
    const nameOf = (code: string) => rows.find((r) => r.code === code)?.name ?? code;

    const scoreRows = rows.flatMap((r) => {
      const self = selfChecks.find((s) => s.unitCode === r.code);
      const last = inspections.filter((i) => i.unitCode === r.code).at(-1);
      return applicableItems(campaign.checklist, r.kind).map((item) => ({
        unit: r.name,
        code: item.code,
        planSection: item.planSection,
        title: item.title,
        weight: item.weight,
        self: self?.sheet.items.find((i) => i.itemCode === item.code)?.score ?? null,
        inspection: last?.sheet.items.find((i) => i.itemCode === item.code)?.score ?? null,
        evidence: self?.sheet.items.find((i) => i.itemCode === item.code)?.evidenceIds.length ?? 0,
      }));
    });
    const content = await renderXlsx([
      {
        name: '单位总表',
        title: `${campaign.title}工作台帐`,
        ...this.unitTable(rows),
      },
      {
        name: '评分明细',
        title: '逐项评分（自查与验收）',
        columns: [
          { key: 'unit', header: '单位', width: 22 },
          { key: 'code', header: '条目', width: 8 },
          { key: 'planSection', header: '方案依据', width: 12 },
          { key: 'title', header: '验收内容', width: 24 },
          { key: 'weight', header: '分值', width: 8 },
          { key: 'self', header: '自查得分', width: 10 },
          { key: 'inspection', header: '验收得分', width: 10 },
          { key: 'evidence', header: '佐证材料数', width: 10 },
        ],
        rows: scoreRows,
      },
      {
        name: '验收记录',
        title: '验收及复查记录',
        columns: [
          { key: 'unit', header: '单位', width: 22 },
          { key: 'round', header: '轮次', width: 10 },
          { key: 'score', header: '得分', width: 8 },
          { key: 'decision', header: '结论', width: 10 },
          { key: 'opinion', header: '验收意见', width: 40 },
          { key: 'due', header: '整改期限', width: 14 },
          { key: 'at', header: '验收时间' },
        ],
        rows: inspections.map((i) => ({
          unit: nameOf(i.unitCode),
          round: i.round === 0 ? '验收' : `第${i.round}次复查`,
          score: i.sheet.percent,
          decision: { accept: '通过', rectify: '责令整改', fail: '不予通过' }[i.decision],
          opinion: i.opinion,
          due: i.rectificationDueAt ? lastDay(i.rectificationDueAt) : null,
          at: i.inspectedAt,
        })),
      },
      {
        name: '整改记录',
        title: '整改报告',
        columns: [
          { key: 'unit', header: '单位', width: 22 },
          { key: 'round', header: '轮次', width: 8 },
          { key: 'report', header: '整改情况', width: 48 },
          { key: 'late', header: '是否逾期', width: 10 },
          { key: 'at', header: '提交时间' },
        ],
        rows: rectifications.map((r) => ({
          unit: nameOf(r.unitCode),
          round: r.round,
          report: r.report,
          late: r.late ? '逾期' : '按期',
          at: r.submittedAt,
        })),
      },
      {
        name: '督办记录',
        title: '逾期督办',
        columns: [
          { key: 'unit', header: '单位', width: 22 },
          { key: 'window', header: '事项', width: 14 },
          { key: 'level', header: '情形', width: 14 },
          { key: 'due', header: '期限', width: 14 },
          { key: 'at', header: '督办时间' },
        ],
        rows: notices.map((n) => ({
          unit: n.unitCode ? nameOf(n.unitCode) : '领导小组办公室',
          window: WINDOW_LABEL[n.window].zh,
          level: n.level === 'missed' ? '未报送（窗口已关闭）' : '逾期',
          due: lastDay(n.dueAt),
          at: n.raisedAt,
        })),
      },
    ]);
    return { year: campaign.year, content };
  }

  async report(campaignId: string, caller: CallerInfo): Promise<{ year: number; content: Buffer }> {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    const campaign = await this.campaigns.campaign(campaignId);
    const rows = await this.board.rows(campaign);
    const total = rows.length;
    const demo = rows.filter((r) => r.demonstration).map((r) => r.name);
    const agencies = rows.filter((r) => r.kind === 'agency').length;
    const accepted = rows.filter((r) => r.result === 'accepted');
    const failed = rows.filter((r) => r.result === 'failed');
    const rectified = rows.filter((r) => r.rectificationRounds > 0);
    const lateRows = rows.filter((r) => r.late);
    const plansOnTime = rows.filter(
      (r) => r.workPlanSubmittedAt && !r.lateWindows.some((w) => w.window === 'work-plan'),
    );
    const selfChecked = rows.filter((r) => r.selfCheckSubmittedAt);
    const undecided = rows.filter((r) => !r.result);
    const outcome = (r: BoardRow) =>
      r.result
        ? ASSESSMENT_RULES.labels[
            ASSESSMENT_RULES.outcome(r.result, r.rectificationRounds, r.lateWindows.length)
          ]
        : '—';
    const selfWindow = windowText(campaign.selfCheckStartsAt, campaign.selfCheckEndsAt);
    const acceptanceWindow = windowText(campaign.acceptanceStartsAt, campaign.acceptanceEndsAt);
    const content = await renderPdf({
      title: `关于${campaign.year}年度“一体四化”行政执法协调监督工作体系先行区创建工作情况的报告`,
      subtitle: `阳新县行政执法协调监督工作体系先行区创建工作领导小组办公室（县司法局）${
        campaign.reportNumber ? ` ${campaign.reportNumber}` : ''
      }`,
      meta: { author: '阳新县司法局', subject: `${campaign.title}：总结报告` },
      sections: [
        {
          paragraphs: [
            '省优化办：',
            `按照《关于创建“一体四化”行政执法协调监督工作体系先行区实施方案》的部署，我县组织县直行政执法部门和各镇（区）开展先行区创建工作，现将创建、自查和验收情况报告如下。`,
          ],
        },
        {
          heading: '一、基本情况',
          paragraphs: [
            `本次创建验收共有${total}个单位参加，其中县直行政执法部门${agencies}个、镇（区）${total - agencies}个；示范单位为${demo.join('、') || '无'}。`,
            `工作方案报送截止日为${chineseDay(lastDay(campaign.planDueAt))}，按期报送${plansOnTime.length}个单位。`,
          ],
        },
        {
          heading: '二、自查情况',
          paragraphs: [
            `各单位于${selfWindow.zh}开展自查，${selfChecked.length}个单位按期提交自查结果，自查平均得分${
              this.avg(selfChecked.map((r) => r.selfScore)) ?? '—'
            }分。`,
          ],
        },
        {
          heading: '三、验收情况',
          paragraphs: [
            `县司法局于${acceptanceWindow.zh}组织验收，对照验收清单（${campaign.checklist.items.length}项，依据实施方案五大工作任务制定）逐项评分，合格线为${campaign.passScore}分。`,
            `验收通过${accepted.length}个单位（其中经整改后复查通过${accepted.filter((r) => r.rectificationRounds > 0).length}个），不予通过${failed.length}个${
              undecided.length > 0 ? `，尚有${undecided.length}个单位未作出结论` : ''
            }。`,
          ],
          table: this.unitTable(rows),
        },
        {
          heading: '四、整改与督办情况',
          paragraphs: [
            rectified.length > 0
              ? `验收中责令${rectified.length}个单位限期整改：${rectified
                  .map(
                    (r) =>
                      `${r.name}（整改${r.rectificationRounds}轮，${r.result ? RESULT_LABEL[r.result] : '整改中'}）`,
                  )
                  .join('；')}。`
              : '验收中未发现需要整改的单位。',
            lateRows.length > 0
              ? `逾期督办${lateRows.length}个单位：${lateRows.map((r) => `${r.name}（${late(r)}）`).join('；')}。`
              : '各单位均按期完成各阶段工作，未发生逾期督办。',
          ],
        },
        {
          heading: '五、工作总结',
          paragraphs: [campaign.summary ?? '（总结正文待领导小组办公室提交。）'],
        },
        {
          heading: '六、结果运用',
          paragraphs: [
            `验收结果纳入${campaign.year}年度法治建设考核：${ASSESSMENT_RULES.basis}。`,
            ...rows.filter((r) => r.result).map((r) => `${r.name}：${outcome(r)}`),
          ],
        },
      ],
      footer: '本报告依据创建验收台帐数据生成。',
    });
    return { year: campaign.year, content };
  }

  private unitTable(rows: BoardRow[]): TableSpec {
    return {
      columns: [
        { key: 'name', header: '单位', width: 20 },
        { key: 'kind', header: '类型', width: 11 },
        { key: 'demonstration', header: '示范', width: 6 },
        { key: 'plan', header: '工作方案', width: 10 },
        { key: 'self', header: '自查分', width: 8 },
        { key: 'inspection', header: '验收分', width: 8 },
        { key: 'rounds', header: '整改轮次', width: 8 },
        { key: 'result', header: '结论', width: 8 },
        { key: 'late', header: '逾期情况', width: 20 },
      ],
      rows: rows.map((r) => ({
        name: r.name,
        kind: KIND_LABEL[r.kind],
        demonstration: r.demonstration ? '是' : '',
        plan: r.workPlanSubmittedAt
          ? r.lateWindows.some((w) => w.window === 'work-plan')
            ? '逾期报送'
            : '按期报送'
          : '未报送',
        self: score(r.selfScore),
        inspection: score(r.inspectionScore),
        rounds: r.rectificationRounds,
        result: r.result ? RESULT_LABEL[r.result] : r.stageLabel.zh,
        late: late(r),
      })),
    };
  }

  private avg(values: (number | null)[]): number | null {
    const present = values.filter((v): v is number => v !== null);
    if (present.length === 0) return null;
    return Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10;
  }
}
