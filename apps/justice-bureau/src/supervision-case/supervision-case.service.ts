import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { SupervisionSource } from '@oversight/contracts';
import { readSnapshot } from '@oversight/database';
import { dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { CallerInfo, conflict, forbidden, notFound, requireOrg, unprocessable } from '@oversight/platform';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SUPERVISION_DEADLINE_RULES } from './deadline-rules';
import { OpenSupervisionCaseDto, SupervisionCaseQuery } from './supervision-case.dto';
import {
  SupervisionCaseEntity,
  SupervisionCaseEventEntity,
  SupervisionCaseNoticeEntity,
  SupervisionDocumentEntity,
  SupervisionRectificationEntity,
} from './supervision-case.entity';
import {
  announce,
  appendHistory,
  CASE,
  DOCUMENT,
  nextNumber,
  SOURCE_LABEL,
  STATUS_LABEL,
  SUPERVISION_OFFICE,
} from './supervision-case.util';
import { ENFORCEMENT_KINDS } from '../organisation/organisation.seed';

export interface NewCase {
  source: SupervisionSource;
  sourceRef?: string;
  requestedBy: string;
  agencyCode: string;
  subject: string;
  facts: string;
  openedBy: string;
}

/** Documents an agency is served (the approval forms are the office's internal papers). */
export const AGENCY_DOCUMENTS = ['decision-notice', 'suggestion', 'opinion'];

/** Opening cases (by the office or at another body's request), the list and the case file. */
@Injectable()
export class SupervisionCaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async open(dto: OpenSupervisionCaseDto, caller: CallerInfo) {
    requireOrg(caller, SUPERVISION_OFFICE);
    await this.requireSupervised(this.dataSource.manager, dto.agencyCode);
    const opened = await this.dataSource.transaction((manager) =>
      this.insert(manager, {
        ...dto,
        requestedBy: SUPERVISION_OFFICE,
        openedBy: caller.user ?? SUPERVISION_OFFICE,
      }),
    );
    if (!opened) {
      throw conflict({
        zh: `来源“${SOURCE_LABEL[dto.source]}”编号 ${dto.sourceRef ?? ''} 已立有监督检查案件，请勿重复立案。`,
        en: `A supervision case already exists for ${dto.source} ${dto.sourceRef ?? ''}.`,
      });
    }
    return this.view(opened);
  }

  /** The agency, police or town concerned must be one the office supervises (ENFORCEMENT_KINDS): 422 otherwise. */
  async requireSupervised(manager: EntityManager, code: string): Promise<OrganisationEntity> {
    const org = await manager.findOneBy(OrganisationEntity, { code });
    if (!org) {
      throw unprocessable({
        zh: `未知的被监督单位代码：${code}`,
        en: `Unknown organisation code: ${code}`,
      });
    }
    if (!ENFORCEMENT_KINDS.includes(org.kind)) {
      throw unprocessable({
        zh: `${org.name}不是行政执法部门或镇（区），不能作为被监督单位。`,
        en: `${code} is not an enforcement agency or town and cannot be the subject of a supervision case.`,
      });
    }
    return org;
  }

  /**
   * Inserts a case unless one exists for (source, sourceRef): returns null then. The advisory lock
   * serialises two requests for the same source, so neither takes a case number it does not use.
   */
  async insert(manager: EntityManager, input: NewCase): Promise<SupervisionCaseEntity | null> {
    const id = randomUUID();
    const sourceRef = input.sourceRef ?? id;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `supervision-case:${input.source}:${sourceRef}`,
    ]);
    if (await manager.existsBy(SupervisionCaseEntity, { source: input.source, sourceRef })) return null;
    // The case number is the number of its 立案审批表.
    const caseNumber = await nextNumber(manager, 'filing-approval');
    const now = new Date();
    await manager.insert(SupervisionCaseEntity, {
      id,
      caseNumber,
      source: input.source,
      sourceRef,
      requestedBy: input.requestedBy,
      agencyCode: input.agencyCode,
      subject: input.subject,
      facts: input.facts,
      status: 'filing-review',
      openedBy: input.openedBy,
      filingDueAt: dueAt(SUPERVISION_DEADLINE_RULES.filingReview, now),
    });
    await manager.insert(SupervisionDocumentEntity, {
      caseId: id,
      kind: 'filing-approval',
      number: caseNumber,
    });
    await appendHistory(manager, {
      caseId: id,
      kind: 'opened',
      text: {
        zh: `登记监督检查案件（来源：${SOURCE_LABEL[input.source]}，${input.requestedBy === SUPERVISION_OFFICE ? '本局发现' : `${input.requestedBy}提请`}），填写立案审批表 ${caseNumber}，报负责人审批。`,
        en: `Case opened (source: ${input.source}, requested by ${input.requestedBy}); filing form ${caseNumber} sent for approval.`,
      },
      actorOrg: input.requestedBy,
      actor: input.openedBy,
      sourceKey: `opened:${id}`,
    });
    const created = await manager.findOneByOrFail(SupervisionCaseEntity, { id });
    await announce(manager, this.outbox, created);
    return created;
  }

  async case(id: string, manager = this.dataSource.manager): Promise<SupervisionCaseEntity> {
    const found = await manager.getRepository(SupervisionCaseEntity).findOneBy({ id });
    if (!found) throw notFound(CASE, id);
    return found;
  }

  /** An agency sees only its own cases, and only once it has been served a decision. */
  async agencyCase(
    id: string,
    caller: CallerInfo,
    manager = this.dataSource.manager,
  ): Promise<SupervisionCaseEntity> {
    const c = await this.case(id, manager);
    if (!caller.org || caller.org !== c.agencyCode) {
      throw forbidden({
        zh: '该监督检查案件不涉及您所在单位。',
        en: 'This supervision case does not concern your organisation.',
      });
    }
    if (!c.correctionOrdered) throw notFound(CASE, id);
    return c;
  }

  async list(query: SupervisionCaseQuery, caller: CallerInfo) {
    requireOrg(caller, SUPERVISION_OFFICE);
    const where = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.agency ? { agencyCode: query.agency } : {}),
      ...(query.source ? { source: query.source } : {}),
      ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    };
    const [rows, total] = await this.dataSource.getRepository(SupervisionCaseEntity).findAndCount({
      where,
      order: { openedAt: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    const names = await this.names(rows.map((r) => r.agencyCode));
    return { total, items: rows.map((r) => ({ ...this.view(r), agencyName: names.get(r.agencyCode) })) };
  }

  async agencyList(caller: CallerInfo) {
    if (!caller.org)
      throw forbidden({ zh: '请以被监督单位身份登录。', en: 'Sign in as a member of the agency.' });
    const rows = await this.dataSource.getRepository(SupervisionCaseEntity).find({
      where: { agencyCode: caller.org, correctionOrdered: true },
      order: { openedAt: 'DESC' },
    });
    return { items: rows.map((r) => this.agencyView(r)) };
  }

  /** The case file: the case, its history, documents, deadlines, rectification rounds and notices. */
  file(id: string, caller: CallerInfo) {
    requireOrg(caller, SUPERVISION_OFFICE);
    return readSnapshot(this.dataSource, (m) => this.fileIn(m, id));
  }

  private async fileIn(m: EntityManager, id: string) {
    const c = await this.case(id, m);
    const [history, documents, rectifications, notices, names] = await Promise.all([
      m.getRepository(SupervisionCaseEventEntity).find({ where: { caseId: id }, order: { at: 'ASC' } }),
      this.documents(m, id, null),
      m
        .getRepository(SupervisionRectificationEntity)
        .find({ where: { caseId: id }, order: { round: 'ASC' } }),
      m
        .getRepository(SupervisionCaseNoticeEntity)
        .find({ where: { caseId: id }, order: { raisedAt: 'ASC' } }),
      this.names([c.agencyCode], m),
    ]);
    return {
      ...this.view(c),
      agencyName: names.get(c.agencyCode),
      findings: c.findings,
      proposal: c.proposal,
      proposedHandling: c.proposedHandling,
      instrument: c.instrument,
      requirements: c.requirements,
      filingOpinion: c.filingOpinion,
      handlingOpinion: c.handlingOpinion,
      history: history.map((h) => ({
        kind: h.kind,
        zh: h.zh,
        en: h.en,
        actorOrg: h.actorOrg,
        actor: h.actor,
        at: h.at,
      })),
      documents,
      deadlines: this.deadlines(c, rectifications, notices),
      rectifications,
      notices: notices.map((n) => ({
        step: n.step,
        round: n.round,
        dueAt: n.dueAt,
        toOrg: n.toOrg,
        toRole: n.toRole,
        raisedAt: n.raisedAt,
      })),
    };
  }

  agencyFile(id: string, caller: CallerInfo) {
    return readSnapshot(this.dataSource, (m) => this.agencyFileIn(m, id, caller));
  }

  private async agencyFileIn(m: EntityManager, id: string, caller: CallerInfo) {
    const c = await this.agencyCase(id, caller, m);
    const [documents, rectifications, notices] = await Promise.all([
      this.documents(m, id, AGENCY_DOCUMENTS),
      m
        .getRepository(SupervisionRectificationEntity)
        .find({ where: { caseId: id }, order: { round: 'ASC' } }),
      m.getRepository(SupervisionCaseNoticeEntity).find({
        where: { caseId: id, step: 'rectification' },
      }),
    ]);
    return {
      ...this.agencyView(c),
      requirements: c.requirements,
      documents,
      rectifications: rectifications.map((r) => ({
        round: r.round,
        dueAt: r.dueAt,
        report: r.report,
        measures: r.measures,
        late: r.late,
        submittedAt: r.submittedAt,
        reviewDecision: r.reviewDecision,
        reviewOpinion: r.reviewOpinion,
      })),
      notices: notices.map((n) => ({ round: n.round, dueAt: n.dueAt, raisedAt: n.raisedAt })),
    };
  }

  private async documents(m: EntityManager, id: string, kinds: string[] | null) {
    const rows = await m.getRepository(SupervisionDocumentEntity).find({
      where: { caseId: id, ...(kinds ? { kind: In(kinds) } : {}) },
      order: { issuedAt: 'ASC' },
    });
    return rows.map((d) => ({
      kind: d.kind,
      name: DOCUMENT[d.kind].name,
      number: d.number,
      issuedAt: d.issuedAt,
    }));
  }

  private deadlines(
    c: SupervisionCaseEntity,
    rectifications: SupervisionRectificationEntity[],
    notices: SupervisionCaseNoticeEntity[],
  ) {
    const R = SUPERVISION_DEADLINE_RULES;
    const late = (step: string, due: Date | null) =>
      due !== null && notices.some((n) => n.step === step && n.dueAt.getTime() === due.getTime());
    const rows = [
      { step: 'filing', label: STATUS_LABEL['filing-review'], dueAt: c.filingDueAt, rule: R.filingReview },
      {
        step: 'investigation',
        label: STATUS_LABEL.investigation,
        dueAt: c.investigationDueAt,
        rule: R.investigation,
      },
      {
        step: 'handling',
        label: STATUS_LABEL['decision-review'],
        dueAt: c.decisionDueAt,
        rule: R.handlingReview,
      },
      ...rectifications.map((r) => ({
        step: 'rectification',
        label: { zh: `第${r.round}轮整改`, en: `rectification round ${r.round}` },
        dueAt: r.dueAt,
        rule: R.rectification,
      })),
      ...(c.status === 'rectification' && !rectifications.some((r) => r.round === c.rectificationRound)
        ? [
            {
              step: 'rectification',
              label: {
                zh: `第${c.rectificationRound}轮整改`,
                en: `rectification round ${c.rectificationRound}`,
              },
              dueAt: c.rectificationDueAt,
              rule: R.rectification,
            },
          ]
        : []),
      ...rectifications
        .filter((r) => r.reviewDueAt)
        .map((r) => ({
          step: 'review',
          label: { zh: `第${r.round}轮整改审查`, en: `review of round ${r.round}` },
          dueAt: r.reviewDueAt,
          rule: R.rectificationReview,
        })),
    ];
    return rows
      .filter((r) => r.dueAt !== null)
      .map((r) => ({
        step: r.step,
        zh: r.label.zh,
        en: r.label.en,
        dueAt: r.dueAt,
        overdue: late(r.step, r.dueAt),
        ruleId: r.rule.ruleId,
        source: r.rule.source,
        basis: r.rule.basis,
      }));
  }

  private async names(codes: string[], manager = this.dataSource.manager): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const orgs = await manager.getRepository(OrganisationEntity).findBy({ code: In([...new Set(codes)]) });
    return new Map(orgs.map((o) => [o.code, o.name]));
  }

  view(c: SupervisionCaseEntity) {
    return {
      id: c.id,
      caseNumber: c.caseNumber,
      source: c.source,
      sourceLabel: SOURCE_LABEL[c.source],
      sourceRef: c.sourceRef,
      requestedBy: c.requestedBy,
      agencyCode: c.agencyCode,
      subject: c.subject,
      facts: c.facts,
      status: c.status,
      statusLabel: STATUS_LABEL[c.status],
      filingDueAt: c.filingDueAt,
      investigationDueAt: c.investigationDueAt,
      decisionDueAt: c.decisionDueAt,
      rectificationRound: c.rectificationRound,
      rectificationDueAt: c.rectificationDueAt,
      correctionOrdered: c.correctionOrdered,
      rectified: c.rectified,
      result: c.result,
      overdue: c.overdue,
      overdueSince: c.overdueSince,
      openedAt: c.openedAt,
      closedAt: c.closedAt,
    };
  }

  private agencyView(c: SupervisionCaseEntity) {
    return {
      id: c.id,
      caseNumber: c.caseNumber,
      subject: c.subject,
      status: c.status,
      statusLabel: STATUS_LABEL[c.status],
      rectificationRound: c.rectificationRound,
      rectificationDueAt: c.rectificationDueAt,
      rectified: c.rectified,
      overdue: c.overdue,
      closedAt: c.closedAt,
    };
  }
}
