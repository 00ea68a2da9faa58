import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { beijingDate } from '@oversight/deadlines';
import { PdfDocumentSpec, PdfSection, renderPdf } from '@oversight/documents';
import { Bilingual, notFound } from '@oversight/platform';
import { chineseDay, lastDay } from '../acceptance-campaign/acceptance-calendar';
import { OrganisationEntity } from '../organisation/organisation.entity';
import {
  SupervisionCaseEntity,
  SupervisionDocumentEntity,
  SupervisionDocumentKind,
  SupervisionRectificationEntity,
} from './supervision-case.entity';
import { DOCUMENT, SOURCE_LABEL } from './supervision-case.util';

const ISSUER = '阳新县司法局';
const KINDS = Object.keys(DOCUMENT) as SupervisionDocumentKind[];

const day = (d: Date | null) => (d ? chineseDay(beijingDate(d)) : '—');
const dueDay = (d: Date | null) => (d ? chineseDay(lastDay(d)) : '—');
const form = (rows: [string, string][]): PdfSection => ({
  table: {
    columns: [
      { key: 'item', header: '项目', width: 16 },
      { key: 'value', header: '内容', width: 64 },
    ],
    rows: rows.map(([item, value]) => ({ item, value })),
  },
});

/**
 * The standard documents of a supervision case (plan 四（四）1: 立案审批表, 处理审批表, 处理决定通知书,
 * 建议书, and the 监督检查意见书 of 二（一）4), rendered as PDF from the case once they are numbered.
 */
@Injectable()
export class SupervisionDocumentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  isKind(kind: string): kind is SupervisionDocumentKind {
    return (KINDS as string[]).includes(kind);
  }

  async render(c: SupervisionCaseEntity, kind: string): Promise<{ filename: string; content: Buffer }> {
    const what: Bilingual = { zh: '文书', en: 'Document' };
    if (!this.isKind(kind)) throw notFound(what, kind);
    const doc = await this.dataSource
      .getRepository(SupervisionDocumentEntity)
      .findOneBy({ caseId: c.id, kind });
    if (!doc)
      throw notFound(
        { zh: `本案的${DOCUMENT[kind].name}（尚未制作）`, en: `This case's ${kind}` },
        c.caseNumber,
      );
    const agency = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ code: c.agencyCode });
    // The documents were served with the first round's deadline; later rounds do not rewrite them.
    const first = await this.dataSource
      .getRepository(SupervisionRectificationEntity)
      .findOneBy({ caseId: c.id, round: 1 });
    const served = { ...c, rectificationDueAt: first?.dueAt ?? c.rectificationDueAt };
    const spec = this.spec(served, kind, doc, agency?.name ?? c.agencyCode);
    return { filename: `${DOCUMENT[kind].name}-${doc.number}.pdf`, content: await renderPdf(spec) };
  }

  private spec(
    c: SupervisionCaseEntity,
    kind: SupervisionDocumentKind,
    doc: SupervisionDocumentEntity,
    agencyName: string,
  ): PdfDocumentSpec {
    const base = {
      title: DOCUMENT[kind].name,
      subtitle: doc.number,
      meta: { author: ISSUER, subject: `${DOCUMENT[kind].name}：${c.subject}` },
      footer: `${ISSUER}  ${doc.number}`,
    };
    const filingOpinion =
      c.filingDecision === null
        ? '（待审批）'
        : `${c.filingDecision === 'file' ? '同意立案' : '不予立案'}${c.filingOpinion ? `。${c.filingOpinion}` : ''}（${c.filingDecidedBy ?? ''}，${day(c.filingDecidedAt)}）`;
    switch (kind) {
      case 'filing-approval':
        return {
          ...base,
          sections: [
            form([
              ['案件编号', doc.number],
              ['案件来源', `${SOURCE_LABEL[c.source]}（来源编号：${c.sourceRef}）`],
              ['被监督单位', agencyName],
              ['案由', c.subject],
              ['基本事实', c.facts],
              ['登记时间', day(c.openedAt)],
              ['承办人', c.openedBy],
              ['负责人审批意见', filingOpinion],
            ]),
          ],
        };
      case 'handling-approval':
        return {
          ...base,
          sections: [
            form([
              ['案件编号', c.caseNumber],
              ['被监督单位', agencyName],
              ['案由', c.subject],
              ['调查认定的事实', c.findings ?? '—'],
              [
                '拟处理意见',
                `${c.proposal === 'fault' ? '存在执法过错，责令纠正。' : '未发现执法过错。'}${c.proposedHandling ?? ''}`,
              ],
              ['承办人', `${c.investigatedBy ?? ''}（${day(c.investigatedAt)}）`],
              [
                '负责人审批意见',
                c.handlingDecision === 'approve'
                  ? `同意${c.handlingOpinion ? `。${c.handlingOpinion}` : ''}（${c.handlingDecidedBy ?? ''}，${day(c.handlingDecidedAt)}）`
                  : '（待审批）',
              ],
            ]),
          ],
        };
      case 'decision-notice':
        return {
          ...base,
          sections: [
            {
              paragraphs: [
                `${agencyName}：`,
                `本局于${day(c.openedAt)}对你单位“${c.subject}”一案立案进行行政执法监督检查（${c.caseNumber}）。经调查，查明：${c.findings ?? ''}`,
                `经本局负责人审批，决定如下：${c.proposedHandling ?? ''}`,
                `请你单位于${dueDay(c.rectificationDueAt)}前按照本局${DOCUMENT[c.instrument ?? 'suggestion'].name}的要求整改到位，并将整改情况书面回复本局。`,
              ],
            },
            { paragraphs: [ISSUER, day(doc.issuedAt)] },
          ],
        };
      case 'suggestion':
      case 'opinion':
        return {
          ...base,
          sections: [
            {
              paragraphs: [
                `${agencyName}：`,
                `本局在行政执法监督检查中发现你单位存在以下问题：${c.findings ?? ''}`,
                `根据《关于创建“一体四化”行政执法协调监督工作体系先行区实施方案》的规定，现提出${kind === 'suggestion' ? '如下建议' : '如下监督检查意见'}：${c.requirements ?? ''}`,
                `请于${dueDay(c.rectificationDueAt)}前整改完毕，并将整改情况和整改措施书面回复本局。逾期未整改的，本局将予以督办并纳入年度法治建设考核。`,
              ],
            },
            { paragraphs: [ISSUER, day(doc.issuedAt)] },
          ],
        };
    }
  }
}
