import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { readSnapshot } from '@oversight/database';
import { CallerInfo, notFound, PageQuery } from '@oversight/platform';
import { ComplainantEntity } from './complainant.entity';
import { AttachmentService } from './attachment.service';
import {
  AppealEntity,
  ComplaintEventEntity,
  ExtensionRequestEntity,
  SupervisionNoticeEntity,
} from './complaint-records.entity';
import { currentDueAt, isOverdue, STATUS_LABEL } from './complaint-status';
import { ComplaintEntity, ComplaintStatus } from './complaint.entity';
import { COMPLAINT } from './complaint.service';

const STATUSES = Object.keys(STATUS_LABEL) as ComplaintStatus[];

export class ComplaintListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: '状态 / status' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ComplaintStatus;

  @ApiPropertyOptional({ description: '承办单位 / agency code' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  agencyOrg?: string;

  @ApiPropertyOptional({ description: '只看逾期 / overdue only' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  overdue?: boolean;
}

/** Overdue: past the current deadline, or flagged by a 督办 notice the process raised. */
const overdue = (c: ComplaintEntity) => c.overdueAt !== null || isOverdue(c);

/** The same two rules in SQL (see currentDueAt in complaint-status.ts), for lists sorted in the database. */
const DUE_SQL = `CASE WHEN c.status IN ('registered', 'in-review') THEN c.acceptance_due_at
  WHEN c.status IN ('accepted', 'assigned', 'draft-submitted', 'approved') THEN COALESCE(c.handling_due_at, c.acceptance_due_at)
  WHEN c.status = 'replied' AND c.followed_up_at IS NULL THEN c.follow_up_due_at END`;
const OVERDUE_SQL = `c.overdue_at IS NOT NULL OR COALESCE((${DUE_SQL}) < now(), false)`;

/** 张三 → 张*: enough to tell two files apart, not to identify anyone. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** 13800138000 → 138****8000. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  return digits.length < 7 ? '*'.repeat(digits.length) : `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Summary line of a complaint for lists; never the complainant's identity. */
export function summaryView(c: ComplaintEntity) {
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    channel: c.channel,
    category: c.category,
    summary: c.summary,
    respondentOrg: c.respondentOrg,
    agencyOrg: c.agencyOrg,
    status: c.status,
    statusLabel: STATUS_LABEL[c.status],
    dueAt: currentDueAt(c)?.toISOString() ?? null,
    overdue: overdue(c),
    createdAt: c.createdAt.toISOString(),
  };
}

/** The reads behind staff, agency and public views; each view decides what it may show. */
@Injectable()
export class ComplaintQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attachments: AttachmentService,
  ) {}

  /** Overdue first, then by the current deadline: what needs action comes to the top. */
  async list(query: ComplaintListQuery, scope: { agencyOrg?: string } = {}) {
    const qb = this.dataSource
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .addSelect(`(${OVERDUE_SQL})`, 'is_overdue')
      .addSelect(DUE_SQL, 'current_due');
    if (scope.agencyOrg) {
      qb.andWhere('c.agency_org = :scopeOrg AND c.assigned_at IS NOT NULL', { scopeOrg: scope.agencyOrg });
    }
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.agencyOrg) qb.andWhere('c.agency_org = :agencyOrg', { agencyOrg: query.agencyOrg });
    if (query.overdue !== undefined) qb.andWhere(query.overdue ? `(${OVERDUE_SQL})` : `NOT (${OVERDUE_SQL})`);
    const total = await qb.getCount();
    const rows = await qb
      .orderBy('is_overdue', 'DESC')
      .addOrderBy('current_due', 'ASC', 'NULLS LAST')
      .addOrderBy('c.created_at', 'DESC')
      .offset(query.offset)
      .limit(query.limit)
      .getMany();
    return { total, items: rows.map(summaryView) };
  }

  /**
   * Everything the justice bureau sees, with the identity masked (the full identity is read apart, by those
   * with a need to know, and logged); nothing at all of it when the caller's organisation is the respondent.
   */
  staffView(id: string, caller: CallerInfo) {
    return readSnapshot(this.dataSource, (m) => this.staffViewIn(m, id, caller));
  }

  private async staffViewIn(m: EntityManager, id: string, caller: CallerInfo) {
    const c = await this.complaint({ id }, m);
    const identity =
      c.anonymous || caller.org === c.respondentOrg
        ? null
        : await m.getRepository(ComplainantEntity).findOneBy({ complaintId: id });
    const [history, notices, extensions, appeals, attachments] = await Promise.all([
      this.history(m, id, false),
      m
        .getRepository(SupervisionNoticeEntity)
        .find({ where: { complaintId: id }, order: { raisedAt: 'ASC' } }),
      m
        .getRepository(ExtensionRequestEntity)
        .find({ where: { complaintId: id }, order: { requestedAt: 'ASC' } }),
      this.appeals(m, id),
      this.attachments.list(id, ['complaint', 'evidence'], m),
    ]);
    return {
      ...summaryView(c),
      anonymous: c.anonymous,
      complainantMasked: identity
        ? { name: maskName(identity.name), phone: maskPhone(identity.phone) }
        : null,
      matter: c.matter,
      details: c.details,
      acceptanceDueAt: c.acceptanceDueAt.toISOString(),
      acceptanceRule: c.acceptanceRule,
      decision: c.decision,
      decisionReason: c.decisionReason,
      forwardedTo: c.forwardedTo,
      assignedAt: c.assignedAt?.toISOString() ?? null,
      assignmentNote: c.assignmentNote,
      objectionDueAt: c.objectionDueAt?.toISOString() ?? null,
      handlingDueAt: c.handlingDueAt?.toISOString() ?? null,
      handlingRule: c.handlingRule,
      findings: c.findings,
      draftReply: c.draftReply,
      substantiated: c.substantiated,
      officers: c.officers,
      reviewComment: c.reviewComment,
      reply: c.reply,
      repliedAt: c.repliedAt?.toISOString() ?? null,
      followUpDueAt: c.followUpDueAt?.toISOString() ?? null,
      followUpResult: c.followUpResult,
      satisfaction: c.satisfaction,
      satisfactionComment: c.satisfactionComment,
      appealWindowEndsAt: c.appealWindowEndsAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      outcome: c.outcome,
      processInstanceId: c.processInstanceId,
      attachments,
      history,
      notices: notices.map((n) => ({
        ...n,
        dueAt: n.dueAt.toISOString(),
        raisedAt: n.raisedAt.toISOString(),
      })),
      extensions,
      appeals,
    };
  }

  /** What the agency handling the complaint sees: the content and its own work, not the identity. */
  agencyView(id: string, agencyOrg: string) {
    return readSnapshot(this.dataSource, (m) => this.agencyViewIn(m, id, agencyOrg));
  }

  private async agencyViewIn(m: EntityManager, id: string, agencyOrg: string) {
    const c = await this.complaint({ id, agencyOrg }, m);
    const notices = await m
      .getRepository(SupervisionNoticeEntity)
      .find({ where: { complaintId: id, toOrg: agencyOrg }, order: { raisedAt: 'ASC' } });
    return {
      ...summaryView(c),
      matter: c.matter,
      details: c.details,
      assignedAt: c.assignedAt?.toISOString() ?? null,
      assignmentNote: c.assignmentNote,
      objectionDueAt: c.objectionDueAt?.toISOString() ?? null,
      objectionOpen: c.status === 'assigned' && !c.objectionClosed,
      handlingDueAt: c.handlingDueAt?.toISOString() ?? null,
      findings: c.findings,
      draftReply: c.draftReply,
      substantiated: c.substantiated,
      reviewComment: c.status === 'assigned' ? c.reviewComment : null,
      reply: c.reply,
      evidence: await this.attachments.list(id, ['evidence'], m),
      notices: notices.map((n) => ({
        stage: n.stage,
        level: n.level,
        dueAt: n.dueAt.toISOString(),
        raisedAt: n.raisedAt.toISOString(),
      })),
    };
  }

  /** What anyone holding the tracking code sees: progress and what they were told, nothing internal. */
  /** `m`: the snapshot the complaint was read in, so that its history is read as of the same instant. */
  async publicView(c: ComplaintEntity, m: EntityManager) {
    const [history, appeals] = await Promise.all([this.history(m, c.id, true), this.appeals(m, c.id)]);
    return {
      trackingCode: c.trackingCode,
      category: c.category,
      summary: c.summary,
      status: c.status,
      statusLabel: STATUS_LABEL[c.status],
      registeredAt: c.createdAt.toISOString(),
      acceptanceDueAt: c.acceptanceDueAt.toISOString(),
      dueAt: currentDueAt(c)?.toISOString() ?? null,
      overdue: overdue(c),
      reply: c.reply,
      repliedAt: c.repliedAt?.toISOString() ?? null,
      appealWindowEndsAt: c.appealWindowEndsAt?.toISOString() ?? null,
      satisfaction: c.satisfaction,
      appeals: appeals.map((a) => ({
        stage: a.stage,
        requestedAt: a.requestedAt,
        dueAt: a.dueAt,
        decision: a.decision,
        opinion: a.opinion,
      })),
      history: history.map((h) => ({ at: h.at, message: h.message })),
    };
  }

  async complaint(
    where: FindOptionsWhere<ComplaintEntity>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ComplaintEntity> {
    const c = await manager.getRepository(ComplaintEntity).findOneBy(where);
    if (!c) throw notFound(COMPLAINT, String(where.id ?? where.trackingCode ?? ''));
    return c;
  }

  private async history(m: EntityManager, complaintId: string, publicOnly: boolean) {
    const rows = await m.getRepository(ComplaintEventEntity).find({
      where: { complaintId, ...(publicOnly ? { public: true } : {}) },
      order: { at: 'ASC' },
    });
    return rows.map((r) => ({
      at: r.at.toISOString(),
      kind: r.kind,
      public: r.public,
      actorOrg: r.actorOrg,
      message: { zh: r.messageZh, en: r.messageEn },
    }));
  }

  private async appeals(m: EntityManager, complaintId: string) {
    const rows = await m
      .getRepository(AppealEntity)
      .find({ where: { complaintId }, order: { requestedAt: 'ASC' } });
    return rows.map((a) => ({
      stage: a.stage,
      reason: a.reason,
      requestedAt: a.requestedAt.toISOString(),
      dueAt: a.dueAt.toISOString(),
      decision: a.decision,
      opinion: a.opinion,
      decidedAt: a.decidedAt?.toISOString() ?? null,
    }));
  }
}
