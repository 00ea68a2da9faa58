import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import {
  ASSESSMENT_SOURCE,
  SUPERVISION_SOURCE,
  SupervisionCaseRequestedV1,
  TOPIC,
} from '@oversight/contracts';
import { renderPdf, renderXlsx, TableSpec } from '@oversight/documents';
import { OutboxService } from '@oversight/messaging';
import { CallerInfo, conflict, notFound, requireOrg, unprocessable } from '@oversight/platform';
import { AssessmentInputEntity } from '../acceptance-campaign/acceptance-campaign.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { GRADE_LABEL, gradeOf, ReviewGrade, round1 } from './case-file-review-standard';
import {
  AgencyReviewResult,
  CaseFileReviewerEntity,
  CaseFileReviewFileEntity,
  CaseFileReviewRoundEntity,
  CaseFileScoreEntity,
} from './case-file-review.entity';
import { CaseFileReviewService, KIND_LABEL, REVIEW_OFFICE, ROUND } from './case-file-review.service';

/** Where the review results go (plan 四（五）1–2: results feed the assessment and the yearly report). */
export const REVIEW_ASSESSMENT_BASIS =
  '《实施方案》四（四）3 优化执法案件评查机制；四（五）2 县司法行政部门每年度对各行政执法部门进行考评，行政执法案卷评查中发现的突出问题每年报告一次';

const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((n / d) * 1000) / 10}%`);

/**
 * Closing a round: per-agency results, the year's assessment input, a supervision case asked for each
 * failing file; and the round's ledger (Excel) and report (PDF), both read from the stored results.
 */
@Injectable()
export class CaseFileReviewResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: CaseFileReviewService,
    private readonly outbox: OutboxService,
  ) {}

  async close(id: string, caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    await this.dataSource.transaction(async (manager) => {
      const round = await manager.findOne(CaseFileReviewRoundEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!round) throw notFound(ROUND, id);
      if (round.status === 'closed') {
        throw conflict({ zh: '本次评查已经结束。', en: 'The round is already closed.' });
      }
      const files = await manager.find(CaseFileReviewFileEntity, {
        where: { roundId: id },
        order: { agencyCode: 'ASC', caseNumber: 'ASC' },
      });
      if (files.length === 0) {
        throw unprocessable({ zh: '本次评查还没有案卷，不能结束。', en: 'The round has no files yet.' });
      }
      const unscored = files.filter((f) => f.total === null);
      if (unscored.length > 0) {
        throw unprocessable({
          zh: `以下案卷尚未评分，不能结束评查：${unscored.map((f) => f.caseNumber).join('、')}。`,
          en: `Files not scored yet: ${unscored.map((f) => f.caseNumber).join(', ')}.`,
        });
      }
      const sheets = await manager.findBy(CaseFileScoreEntity, { fileId: In(files.map((f) => f.id)) });
      const orgs = await manager.findBy(OrganisationEntity, { code: In(round.agencies) });
      const results = this.results(round, files, sheets, orgs);
      for (const r of results.filter((x) => x.fileCount > 0)) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(AssessmentInputEntity)
          .values({
            id: randomUUID(),
            year: round.year,
            unitCode: r.agencyCode,
            source: ASSESSMENT_SOURCE.caseFileReview,
            sourceRef: round.id,
            result: r.grade!,
            score: r.average,
            outcome: `${KIND_LABEL[round.kind]}${r.fileCount}件，平均${r.average}分（优秀${r.grades.excellent}件、合格${r.grades.pass}件、不合格${r.grades.fail}件）`,
            detail: { round: round.title, kind: round.kind, grades: r.grades, problems: r.problems },
            basis: REVIEW_ASSESSMENT_BASIS,
          })
          .orIgnore()
          .execute();
      }
      for (const file of files.filter((f) => f.grade === 'fail')) {
        const lost = round.standard.items
          .map((item) => {
            const fileSheets = sheets.filter((s) => s.fileId === file.id);
            const findings = fileSheets
              .map((s) => s.items.find((i) => i.code === item.code))
              .filter((i) => i && i.score < item.weight);
            return findings.length
              ? `${item.title}：${findings.map((i) => i!.finding || `扣${item.weight - i!.score}分`).join('；')}`
              : null;
          })
          .filter((x): x is string => x !== null);
        await this.outbox.record<SupervisionCaseRequestedV1>(manager, {
          topic: TOPIC.supervisionCaseRequested,
          subject: file.id,
          data: {
            source: SUPERVISION_SOURCE.caseFileReview,
            sourceRef: file.id,
            requestedBy: REVIEW_OFFICE,
            agencyCode: file.agencyCode,
            subject: `${round.title}：${file.caseKind}案卷${file.caseNumber}评查不合格（${file.total}分）`,
            facts: `案卷“${file.caseNumber}”评查得分${file.total}分，低于合格分数线${round.standard.passMark}分。主要问题：${lost.join('。') || '见评查表'}。`,
          },
        });
      }
      await manager.update(
        CaseFileReviewRoundEntity,
        { id },
        { status: 'closed', closedAt: new Date(), results },
      );
    });
    this.outbox.kick();
    return this.resultsOf(id, caller);
  }

  /** Per agency in scope: files, average, grades and the items that lost points. */
  results(
    round: CaseFileReviewRoundEntity,
    files: CaseFileReviewFileEntity[],
    sheets: CaseFileScoreEntity[],
    orgs: OrganisationEntity[],
  ): AgencyReviewResult[] {
    return round.agencies.map((code) => {
      const own = files.filter((f) => f.agencyCode === code && f.total !== null);
      const average = own.length ? round1(own.reduce((s, f) => s + f.total!, 0) / own.length) : null;
      const grades: Record<ReviewGrade, number> = { excellent: 0, pass: 0, fail: 0 };
      for (const f of own) grades[f.grade!] += 1;
      const ownSheets = sheets.filter((s) => own.some((f) => f.id === s.fileId));
      const problems = round.standard.items
        .map((item) => {
          const lost = ownSheets.flatMap((s) =>
            s.items.filter((i) => i.code === item.code && i.score < item.weight).map((i) => ({ s, i })),
          );
          return {
            code: item.code,
            title: item.title,
            files: new Set(lost.map((l) => l.s.fileId)).size,
            findings: [...new Set(lost.map((l) => l.i.finding).filter((f) => f.length > 0))],
          };
        })
        .filter((p) => p.files > 0);
      return {
        agencyCode: code,
        agencyName: orgs.find((o) => o.code === code)?.name ?? code,
        fileCount: own.length,
        average,
        grade: average === null ? null : gradeOf(average, round.standard),
        grades,
        problems,
      };
    });
  }

  async resultsOf(id: string, caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    const round = await this.rounds.round(id);
    if (!round.results) {
      throw conflict({
        zh: '本次评查尚未结束，还没有评查结果。',
        en: 'The round is not closed; no results yet.',
      });
    }
    return {
      ...this.rounds.roundView(round),
      agencies: round.results.map((r) => ({
        ...r,
        gradeLabel: r.grade ? GRADE_LABEL[r.grade] : null,
      })),
    };
  }

  private async closedRound(id: string, caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    const round = await this.rounds.round(id);
    if (!round.results) {
      throw conflict({
        zh: '本次评查尚未结束，结束后才能生成台帐和报告。',
        en: 'The round is not closed; the ledger and report come after closing.',
      });
    }
    const files = await this.dataSource.getRepository(CaseFileReviewFileEntity).find({
      where: { roundId: id },
      order: { agencyCode: 'ASC', caseNumber: 'ASC' },
    });
    const sheets = files.length
      ? await this.dataSource
          .getRepository(CaseFileScoreEntity)
          .findBy({ fileId: In(files.map((f) => f.id)) })
      : [];
    const reviewers = await this.dataSource.getRepository(CaseFileReviewerEntity).findBy({ roundId: id });
    return { round, results: round.results, files, sheets, reviewers };
  }

  async ledger(id: string, caller: CallerInfo): Promise<{ year: number; content: Buffer }> {
    const { round, results, files, sheets, reviewers } = await this.closedRound(id, caller);
    const nameOf = (code: string) => results.find((r) => r.agencyCode === code)?.agencyName ?? code;
    const reviewerName = (rid: string) => {
      const r = reviewers.find((x) => x.id === rid);
      return r ? (r.affiliation ? `${r.name}（${r.affiliation}）` : r.name) : rid;
    };
    const content = await renderXlsx([
      { name: '单位汇总', title: `${round.title}结果汇总`, ...this.agencyTable(results) },
      {
        name: '案卷明细',
        title: '参评案卷',
        columns: [
          { key: 'agency', header: '单位', width: 22 },
          { key: 'caseNumber', header: '案号', width: 24 },
          { key: 'caseKind', header: '类别', width: 10 },
          { key: 'title', header: '案件名称', width: 30 },
          { key: 'decided', header: '决定日期', width: 12 },
          { key: 'origin', header: '来源', width: 8 },
          { key: 'total', header: '得分', width: 8 },
          { key: 'grade', header: '等次', width: 8 },
        ],
        rows: files.map((f) => ({
          agency: nameOf(f.agencyCode),
          caseNumber: f.caseNumber,
          caseKind: f.caseKind,
          title: f.title,
          decided: f.decidedOn,
          origin: f.origin === 'drawn' ? '抽取' : '报送',
          total: f.total,
          grade: f.grade ? GRADE_LABEL[f.grade] : null,
        })),
      },
      {
        name: '评分明细',
        title: '逐项评分',
        columns: [
          { key: 'caseNumber', header: '案号', width: 24 },
          { key: 'reviewer', header: '评查人', width: 18 },
          { key: 'item', header: '评查项目', width: 12 },
          { key: 'weight', header: '分值', width: 6 },
          { key: 'score', header: '得分', width: 6 },
          { key: 'finding', header: '评查意见', width: 40 },
        ],
        rows: sheets.flatMap((s) => {
          const file = files.find((f) => f.id === s.fileId)!;
          return s.items.map((i) => {
            const def = round.standard.items.find((d) => d.code === i.code)!;
            return {
              caseNumber: file.caseNumber,
              reviewer: reviewerName(s.reviewerId),
              item: def.title,
              weight: def.weight,
              score: i.score,
              finding: i.finding,
            };
          });
        }),
      },
    ]);
    return { year: round.year, content };
  }

  async report(id: string, caller: CallerInfo): Promise<{ year: number; content: Buffer }> {
    const { round, results, files, reviewers } = await this.closedRound(id, caller);
    const count = (g: ReviewGrade) => files.filter((f) => f.grade === g).length;
    const average = files.length ? round1(files.reduce((s, f) => s + (f.total ?? 0), 0) / files.length) : 0;
    const failing = files.filter((f) => f.grade === 'fail');
    const nameOf = (code: string) => results.find((r) => r.agencyCode === code)?.agencyName ?? code;
    const byItem = round.standard.items
      .map((item) => ({
        title: item.title,
        files: results.reduce((s, r) => s + (r.problems.find((p) => p.code === item.code)?.files ?? 0), 0),
      }))
      .filter((p) => p.files > 0)
      .sort((a, b) => b.files - a.files);
    const experts = reviewers.filter((r) => r.kind === 'expert');
    const content = await renderPdf({
      title: `关于${round.title}情况的报告`,
      subtitle: '阳新县司法局',
      meta: { author: '阳新县司法局', subject: `${round.title}：评查报告` },
      sections: [
        {
          paragraphs: [
            `按照《关于创建“一体四化”行政执法协调监督工作体系先行区实施方案》“优化执法案件评查机制”的要求，县司法局组织开展了${round.title}，现将评查情况报告如下。`,
          ],
        },
        {
          heading: '一、基本情况',
          paragraphs: [
            `本次评查为${KIND_LABEL[round.kind]}，共有${results.length}个单位参评，评查案卷${files.length}件，评查人员${reviewers.length}名${
              experts.length ? `（其中第三方专家${experts.length}名）` : ''
            }。评查标准共${round.standard.items.length}项，合格分数线${round.standard.passMark}分，优秀分数线${round.standard.excellenceMark}分。`,
          ],
        },
        {
          heading: '二、评查结果',
          paragraphs: [
            `评查案卷平均得分${average}分，其中优秀${count('excellent')}件、合格${count('pass')}件、不合格${count('fail')}件。`,
          ],
          table: this.agencyTable(results),
        },
        {
          heading: '三、存在的主要问题',
          paragraphs:
            byItem.length > 0
              ? byItem.map((p) => `${p.title}方面：${p.files}件案卷存在扣分。`)
              : ['本次评查未发现扣分问题。'],
        },
        {
          heading: '四、处理意见',
          paragraphs: [
            failing.length > 0
              ? `对评查不合格的${failing.length}件案卷（${failing
                  .map((f) => `${nameOf(f.agencyCode)}${f.caseNumber}`)
                  .join('、')}）依法启动行政执法监督程序。`
              : '本次评查无不合格案卷。',
            `评查结果纳入${round.year}年度法治建设考核。`,
          ],
        },
      ],
      footer: '本报告依据案卷评查台帐数据生成。',
    });
    return { year: round.year, content };
  }

  private agencyTable(results: AgencyReviewResult[]): TableSpec {
    return {
      columns: [
        { key: 'name', header: '单位', width: 22 },
        { key: 'files', header: '案卷数', width: 8 },
        { key: 'average', header: '平均分', width: 8 },
        { key: 'grade', header: '等次', width: 8 },
        { key: 'excellent', header: '优秀', width: 6 },
        { key: 'pass', header: '合格', width: 6 },
        { key: 'fail', header: '不合格', width: 8 },
        { key: 'passRate', header: '合格率', width: 8 },
        { key: 'problems', header: '主要扣分项', width: 30 },
      ],
      rows: results.map((r) => ({
        name: r.agencyName,
        files: r.fileCount,
        average: r.average,
        grade: r.grade ? GRADE_LABEL[r.grade] : '未参评',
        excellent: r.grades.excellent,
        pass: r.grades.pass,
        fail: r.grades.fail,
        passRate: pct(r.grades.excellent + r.grades.pass, r.fileCount),
        problems: r.problems.map((p) => `${p.title}（${p.files}件）`).join('、') || '无',
      })),
    };
  }
}
