import { Injectable } from '@nestjs/common';
import { ORGANISATIONS } from '@oversight/contracts';
import { renderPdf } from '@oversight/documents';
import { LEAD_BODIES, SEVERITY, SUPERVISOR_CATEGORIES } from './deadline-rules';
import { InspectionFindingEntity } from './joint-inspection.entity';
import { chineseDate } from './inspection-transfer.util';
import { isSettled, JointInspectionService } from './joint-inspection.service';

const DISPOSITION_ZH: Record<string, string> = {
  'supervision-case': '移交司法局立案监督',
  'clue-referral': '移送纪委监委',
  rectification: '责令整改',
};

/** What a clerk reads as a finding's state. */
export function statusZh(f: InspectionFindingEntity): string {
  if (f.status === 'recorded') return '待处理';
  if (f.status === 'clue-referred') return '已移送';
  if (f.status === 'rectified') return f.overdueAt ? '已整改（逾期）' : '已整改';
  if (f.status === 'rectification-ordered') return f.overdueAt ? '逾期未整改（已督办）' : '整改中';
  if (f.status.startsWith('supervision-')) return f.closedAt ? '监督案件已办结' : '监督案件办理中';
  return f.status;
}

const orgName = (code: string) => ORGANISATIONS.find((o) => o.code === code)?.name ?? code;

/** The rectification board of an inspection and its report (执法检查报告). */
@Injectable()
export class InspectionReportService {
  constructor(private readonly inspections: JointInspectionService) {}

  async board(id: string) {
    const inspection = await this.inspections.inspection(id);
    const findings = await this.inspections.findingsOf(id);
    const now = new Date();
    const overdue = (f: InspectionFindingEntity) =>
      f.overdueAt !== null || (!isSettled(f) && f.dueAt !== null && f.dueAt < now);
    const byDisposition: Record<string, number> = { undisposed: 0 };
    for (const f of findings) {
      const key = f.disposition ?? 'undisposed';
      byDisposition[key] = (byDisposition[key] ?? 0) + 1;
    }
    return {
      inspection: this.inspections.summary(inspection),
      totals: {
        findings: findings.length,
        closed: findings.filter(isSettled).length,
        open: findings.filter((f) => !isSettled(f)).length,
        overdue: findings.filter(overdue).length,
        byDisposition,
      },
      agencies: inspection.targets.map((t) => {
        const own = findings.filter((f) => f.agencyCode === t.code);
        return {
          code: t.code,
          name: t.name,
          findings: own.map((f) => ({
            id: f.id,
            problem: f.problem,
            severity: f.severity,
            disposition: f.disposition,
            status: f.status,
            statusZh: statusZh(f),
            dueAt: f.dueAt?.toISOString() ?? null,
            overdue: overdue(f),
            closed: isSettled(f),
          })),
          open: own.filter((f) => !isSettled(f)).length,
        };
      }),
    };
  }

  async report(id: string): Promise<{ year: number; content: Buffer }> {
    const i = await this.inspections.inspection(id);
    const findings = await this.inspections.findingsOf(id);
    const count = (d: string) => findings.filter((f) => f.disposition === d).length;
    const inspectors = i.inspectors.map((m) => `${m.name}（${orgName(m.org)}）`).join('、') || '（未确定）';
    const supervisors =
      i.supervisors
        .map(
          (s) =>
            `${s.name}（${SUPERVISOR_CATEGORIES[s.category as keyof typeof SUPERVISOR_CATEGORIES] ?? s.category}）`,
        )
        .join('、') || '无';
    const content = await renderPdf({
      title: `关于${i.law}实施情况的执法检查报告`,
      subtitle: `阳新县人大常委会执法检查组${i.reportNumber ? ` ${i.reportNumber}` : '（草稿）'}`,
      meta: { author: '阳新县人大常委会', subject: `${i.title}：执法检查报告` },
      sections: [
        {
          heading: '一、执法检查基本情况',
          paragraphs: [
            `根据县人大常委会${i.year}年度监督工作安排，${LEAD_BODIES[i.leadBody as keyof typeof LEAD_BODIES] ?? i.leadBody}牵头，县人大常委会、县司法局、县检察院联合组成执法检查组，于${chineseDate(i.onSiteStartsAt)}至${chineseDate(new Date(i.onSiteEndsAt.getTime() - 1))}对${i.field}领域贯彻实施${i.law}情况开展执法检查（${i.title}）。`,
            `被检查单位：${i.targets.map((t) => t.name).join('、')}。`,
            `检查组成员：${inspectors}。`,
            `参加检查的行政执法监督员：${supervisors}。`,
          ],
        },
        {
          heading: '二、检查发现的主要问题',
          paragraphs: [
            findings.length === 0
              ? '本次执法检查未发现需要处理的问题。'
              : `本次执法检查共发现问题${findings.length}个，其中严重${findings.filter((f) => f.severity === 'serious').length}个。`,
          ],
          table: {
            columns: [
              { key: 'agency', header: '被检查单位', width: 16 },
              { key: 'problem', header: '问题', width: 30 },
              { key: 'basis', header: '法律依据', width: 22 },
              { key: 'severity', header: '程度', width: 6 },
              { key: 'disposition', header: '处理方式', width: 16 },
              { key: 'status', header: '办理情况', width: 14 },
            ],
            rows: findings.map((f) => ({
              agency: orgName(f.agencyCode),
              problem: f.problem,
              basis: f.legalBasis,
              severity: SEVERITY[f.severity],
              disposition: f.disposition ? DISPOSITION_ZH[f.disposition] : '待处理',
              status: statusZh(f),
            })),
          },
        },
        {
          heading: '三、问题处理和整改情况',
          paragraphs: [
            `移交县司法局立案监督${count('supervision-case')}个，移送县纪委监委问题线索${count('clue-referral')}个，责令被检查单位整改${count('rectification')}个；已办结${findings.filter(isSettled).length}个，逾期整改并督办${findings.filter((f) => f.overdueAt !== null).length}个。`,
          ],
        },
        {
          heading: '四、意见和建议',
          paragraphs: [
            '各被检查单位要对照检查发现的问题举一反三，健全行政执法制度，严格规范公正文明执法；县司法局要加强行政执法监督，县检察院要加强法律监督，形成监督合力。',
          ],
        },
      ],
      footer: `阳新县人大常委会 · ${i.title}`,
    });
    return { year: i.year, content };
  }
}
