import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  CLUE_SOURCE_TYPES,
  ClueReferralDraftedV1,
  ClueSourceType,
  DeadlineCitation,
  missingClueReferralParts,
  USER_TASK,
} from '@oversight/contracts';
import { beijingDate, dueAt, extend } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import {
  ApiError,
  CallerInfo,
  conflict,
  FieldError,
  notFound,
  requireOrg,
  unprocessable,
  UploadedFileData,
} from '@oversight/platform';
import { EngineClient } from '@oversight/workflow';
import { ClueReferralEntity, DraftSubject, FeedbackSchedule, ReferralStatus } from './clue-referral.entity';
import {
  ClueReferralEvidenceEntity,
  ClueReferralFeedbackEntity,
  ClueReferralNoticeEntity,
} from './clue-referral-records.entity';
import {
  ClueReferralContentDto,
  ClueReferralListQuery,
  EvidenceItemDto,
  ReferralApprovalDto,
} from './clue-referral.dto';
import { CLUE_REFERRAL_SENDER, ClueReferralDeadlineRules, ClueReferralSender } from './clue-referral-sender';
import { completeUserTask } from '../process-step.util';

export const REFERRAL = { zh: '问题线索移送', en: 'Clue referral' };
const HEAD = 'head';
export const MAX_EVIDENCE_ITEMS = 20;

export const REFERRAL_STATUS_LABEL: Record<ReferralStatus, { zh: string; en: string }> = {
  drafting: { zh: '起草中', en: 'Drafting' },
  submitted: { zh: '待负责人审批', en: 'Awaiting the head’s approval' },
  approved: { zh: '已批准，移送中', en: 'Approved, being sent' },
  sent: { zh: '已移送，待回执', en: 'Sent, awaiting the receipt' },
  received: { zh: '对方已登记', en: 'Registered by the receiver' },
  'in-progress': { zh: '对方办理中', en: 'Being handled by the receiver' },
  concluded: { zh: '已反馈处置结果', en: 'Result fed back' },
  closed: { zh: '已办结', en: 'Closed' },
};

/** What a body's create endpoint takes: the shared content plus the body's own source types. */
export interface CreateClueReferralInput extends ClueReferralContentDto {
  sourceType: ClueSourceType;
  sourceRef: string;
  foundOn?: string;
}

export interface DraftInput {
  sourceType: ClueSourceType;
  sourceRef: string;
  subjects: DraftSubject[];
  facts?: string | null;
  legalBasis?: string | null;
  suggestedDisposal?: string | null;
  foundAt: Date;
  createdBy: string | null;
  autoSourceKey?: string;
}

/** The deadline as the rule table states it, without the table's own bookkeeping. */
export const citation = (rule: DeadlineCitation): DeadlineCitation => ({
  ruleId: rule.ruleId,
  length: rule.length,
  unit: rule.unit,
  basis: rule.basis,
});

/** Due dates of the three feedbacks counted from sending, each escalated a set time after it falls due. */
export function feedbackSchedule(rules: ClueReferralDeadlineRules, sentAt: Date): FeedbackSchedule {
  const escalation = rules.feedbackEscalation;
  const at = (rule: DeadlineCitation) => {
    const due = dueAt(rule, sentAt);
    return {
      dueAt: due.toISOString(),
      escalateAt: extend(due, escalation.length, escalation.unit).toISOString(),
      rule: citation(rule),
    };
  };
  return {
    receipt: at(rules.receiptFeedback),
    status: at(rules.statusFeedback),
    result: at(rules.resultFeedback),
    escalationRule: citation(escalation),
  };
}

/**
 * A sending body's desk for outgoing referrals: draft, list evidence, submit, approve. Submission and approval
 * complete the process's user tasks; an action the process is not waiting for is a 409, an incomplete
 * referral a 422 naming what is missing.
 */
@Injectable()
export class ClueReferralService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly engine: EngineClient,
    @Inject(CLUE_REFERRAL_SENDER) private readonly sender: ClueReferralSender,
  ) {}

  async create(dto: CreateClueReferralInput, caller: CallerInfo) {
    requireOrg(caller, this.sender.org);
    await this.sender.checkSource?.(dto, this.dataSource);
    const today = beijingDate(new Date());
    if (dto.foundOn && dto.foundOn > today) {
      throw unprocessable({
        zh: '认定日期不能晚于今天。',
        en: 'The date of the finding cannot be in the future.',
      });
    }
    const id = await this.dataSource.transaction((manager) =>
      this.draft(manager, {
        sourceType: dto.sourceType,
        sourceRef: dto.sourceRef,
        subjects: dto.subjects ?? [],
        facts: dto.facts,
        legalBasis: dto.legalBasis,
        suggestedDisposal: dto.suggestedDisposal,
        foundAt: new Date(`${dto.foundOn ?? today}T00:00:00+08:00`),
        createdBy: caller.user,
      }),
    );
    this.outbox.kick();
    return this.view(id as string);
  }

  /**
   * Stores a draft and announces it, so its sending process starts. A draft started by an event carries
   * `autoSourceKey`: a second event for the same source drafts nothing and returns null.
   */
  async draft(manager: EntityManager, input: DraftInput): Promise<string | null> {
    const id = randomUUID();
    const rule = this.sender.rules.referralSending;
    const sendDueAt = dueAt(rule, input.foundAt);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ClueReferralEntity)
      .values({
        id,
        receiverOrg: this.sender.receiverOrg,
        sourceType: input.sourceType,
        sourceRef: input.sourceRef,
        autoSourceKey: input.autoSourceKey ?? null,
        subjects: input.subjects as never,
        facts: input.facts ?? null,
        legalBasis: input.legalBasis ?? null,
        suggestedDisposal: input.suggestedDisposal ?? null,
        status: 'drafting',
        foundAt: input.foundAt,
        sendDueAt,
        sendRule: citation(rule) as never,
        createdBy: input.createdBy,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) return null;
    await this.outbox.record<ClueReferralDraftedV1>(manager, {
      topic: this.sender.topics.drafted,
      subject: id,
      data: {
        referralId: id,
        sourceType: input.sourceType,
        sourceRef: input.sourceRef,
        draftedAt: new Date().toISOString(),
        sendDueAt: sendDueAt.toISOString(),
      },
    });
    return id;
  }

  async update(id: string, dto: ClueReferralContentDto, caller: CallerInfo) {
    requireOrg(caller, this.sender.org);
    await this.dataSource.transaction(async (manager) => {
      await this.drafting(manager, id);
      const patch: Partial<ClueReferralEntity> = {};
      if (dto.subjects !== undefined) patch.subjects = dto.subjects;
      if (dto.facts !== undefined) patch.facts = dto.facts;
      if (dto.legalBasis !== undefined) patch.legalBasis = dto.legalBasis;
      if (dto.suggestedDisposal !== undefined) patch.suggestedDisposal = dto.suggestedDisposal;
      if (Object.keys(patch).length > 0) await manager.update(ClueReferralEntity, { id }, patch as never);
    });
    return this.view(id);
  }

  /** Adds an item to the evidence list, with its file if one is uploaded (PDF, images, docx). */
  async addEvidence(
    id: string,
    dto: EvidenceItemDto,
    file: UploadedFileData | undefined,
    caller: CallerInfo,
  ) {
    requireOrg(caller, this.sender.org);
    if (file) this.sender.validateEvidenceFile(file);
    const row = await this.dataSource.transaction(async (manager) => {
      await this.drafting(manager, id);
      const items = await manager.countBy(ClueReferralEvidenceEntity, { referralId: id });
      if (items >= MAX_EVIDENCE_ITEMS) {
        throw unprocessable({
          zh: `证据材料清单最多${MAX_EVIDENCE_ITEMS}项。`,
          en: `The evidence list holds at most ${MAX_EVIDENCE_ITEMS} items.`,
        });
      }
      const evidence = {
        id: randomUUID(),
        referralId: id,
        itemNo: items + 1,
        description: dto.description,
        filename: file ? Buffer.from(file.originalname, 'latin1').toString('utf8') : null,
        contentType: file?.mimetype ?? null,
        size: file?.size ?? null,
        sha256: file ? createHash('sha256').update(file.buffer).digest('hex') : null,
        content: file?.buffer ?? null,
      };
      await manager.insert(ClueReferralEvidenceEntity, evidence);
      return evidence;
    });
    return evidenceView(row);
  }

  async evidenceFile(id: string, evidenceId: string, caller: CallerInfo) {
    requireOrg(caller, this.sender.org);
    const row = await this.dataSource
      .getRepository(ClueReferralEvidenceEntity)
      .createQueryBuilder('e')
      .addSelect('e.content')
      .where('e.id = :evidenceId AND e.referral_id = :id', { evidenceId, id })
      .getOne();
    if (!row?.content) throw notFound({ zh: '证据材料文件', en: 'Evidence file' }, evidenceId);
    return row;
  }

  /** Submits the draft for the head's approval; an incomplete referral is refused with what it lacks. */
  async submit(id: string, caller: CallerInfo) {
    requireOrg(caller, this.sender.org);
    await this.dataSource.transaction(async (manager) => {
      const referral = await this.drafting(manager, id);
      const evidenceCount = await manager.countBy(ClueReferralEvidenceEntity, { referralId: id });
      const missing = missingClueReferralParts({ ...referral, evidenceCount });
      if (missing.length > 0) throw incomplete(missing);
      await manager.update(ClueReferralEntity, { id }, { status: 'submitted', submittedBy: caller.user });
      // Inside the transaction: if the process is not there to take it, the draft stays a draft.
      await completeUserTask(this.engine, {
        processDefinitionKey: this.sender.process,
        businessKey: id,
        taskKey: USER_TASK.draftReferral,
        variables: { submittedBy: caller.user },
        notNow: {
          zh: '该移送函当前不在“起草”环节，不能提交审批（流程可能尚未启动，请稍后重试）。',
          en: 'The referral is not at the drafting step (its process may not have started yet; retry shortly).',
        },
      });
    });
    return { id, step: USER_TASK.draftReferral, status: 'submitted' };
  }

  /** The head approves the referral (it is then sent at once) or returns it to be redrafted. */
  async approve(id: string, dto: ReferralApprovalDto, caller: CallerInfo) {
    requireOrg(caller, this.sender.org, HEAD);
    await this.referral(id);
    await completeUserTask(this.engine, {
      processDefinitionKey: this.sender.process,
      businessKey: id,
      taskKey: USER_TASK.approveReferral,
      variables: {
        approvalDecision: dto.decision,
        approvalComment: dto.comment ?? null,
        approvedBy: caller.user,
      },
      notNow: {
        zh: '该移送函当前不在“负责人审批”环节，不能审批。',
        en: 'The referral is not awaiting the head’s approval.',
      },
    });
    return { id, step: USER_TASK.approveReferral, decision: dto.decision };
  }

  async list(query: ClueReferralListQuery, caller: CallerInfo) {
    requireOrg(caller, this.sender.org);
    const where = query.status ? { status: query.status } : {};
    const rows = await this.dataSource
      .getRepository(ClueReferralEntity)
      .find({ where, order: { createdAt: 'DESC' } });
    const now = new Date();
    const filtered = query.overdue ? rows.filter((r) => isOverdue(r, now)) : rows;
    filtered.sort((a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now)));
    return {
      total: filtered.length,
      items: filtered.slice(query.offset, query.offset + query.limit).map((r) => summaryView(r, now)),
    };
  }

  async get(id: string, caller: CallerInfo) {
    requireOrg(caller, this.sender.org);
    return this.view(id);
  }

  async view(id: string) {
    const r = await this.referral(id);
    const [evidence, feedback, notices] = await Promise.all([
      this.dataSource
        .getRepository(ClueReferralEvidenceEntity)
        .find({ where: { referralId: id }, order: { itemNo: 'ASC' } }),
      this.dataSource
        .getRepository(ClueReferralFeedbackEntity)
        .find({ where: { referralId: id }, order: { occurredAt: 'ASC' } }),
      this.dataSource
        .getRepository(ClueReferralNoticeEntity)
        .find({ where: { referralId: id }, order: { raisedAt: 'ASC' } }),
    ]);
    const now = new Date();
    const lateness = (kind: string) => feedback.find((f) => f.kind === kind)?.late ?? null;
    const schedule = r.feedbackSchedule;
    return {
      ...summaryView(r, now),
      subjects: r.subjects,
      facts: r.facts,
      legalBasis: r.legalBasis,
      suggestedDisposal: r.suggestedDisposal,
      evidence: evidence.map(evidenceView),
      missing:
        r.status === 'drafting' ? missingClueReferralParts({ ...r, evidenceCount: evidence.length }) : [],
      foundAt: r.foundAt.toISOString(),
      sendRule: r.sendRule,
      createdBy: r.createdBy,
      submittedBy: r.submittedBy,
      approvalComment: r.approvalComment,
      approvedBy: r.approvedBy,
      approvedAt: r.approvedAt?.toISOString() ?? null,
      feedback: schedule
        ? {
            receipt: {
              ...schedule.receipt,
              registrationNo: r.registrationNo,
              receivedAt: r.receivedAt?.toISOString() ?? null,
              late: lateness('receipt'),
            },
            status: {
              ...schedule.status,
              latest: r.latestStatus,
              reports: feedback.filter((f) => f.kind === 'status').map((f) => f.data),
              late: lateness('status'),
            },
            result: {
              ...schedule.result,
              outcome: r.outcome,
              disposal: r.disposal,
              result: r.result,
              conclusion: r.conclusion,
              concludedAt: r.concludedAt?.toISOString() ?? null,
              late: lateness('result'),
            },
            escalationRule: schedule.escalationRule,
          }
        : null,
      notices: notices.map((n) => ({
        feedback: n.feedback,
        level: n.level,
        dueAt: n.dueAt.toISOString(),
        raisedAt: n.raisedAt.toISOString(),
      })),
      processInstanceId: r.processInstanceId,
    };
  }

  private async referral(id: string): Promise<ClueReferralEntity> {
    const r = await this.dataSource.getRepository(ClueReferralEntity).findOneBy({ id });
    if (!r) throw notFound(REFERRAL, id);
    return r;
  }

  /** The referral, locked, if it may still be edited; 409 once it went to approval. */
  private async drafting(manager: EntityManager, id: string): Promise<ClueReferralEntity> {
    const r = await manager.findOne(ClueReferralEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!r) throw notFound(REFERRAL, id);
    if (r.status !== 'drafting') {
      throw conflict({
        zh: `该移送函${REFERRAL_STATUS_LABEL[r.status].zh}，不能再修改或提交。`,
        en: `The referral is ${REFERRAL_STATUS_LABEL[r.status].en.toLowerCase()}; it can no longer be edited or submitted.`,
      });
    }
    return r;
  }
}

/** 422 naming every missing part of the letter, field by field. */
export function incomplete(missing: FieldError[]): ApiError {
  return new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'REFERRAL_INCOMPLETE',
    {
      zh: `移送材料不完整，请补充后再提交：${missing.map((m) => m.zh.replace(/：未填写$/, '')).join('、')}。`,
      en: `The referral is incomplete; add: ${missing.map((m) => m.field).join(', ')}.`,
    },
    missing,
  );
}

/** The feedbacks past their due date and not yet in. */
export function overdueFeedback(r: ClueReferralEntity, now: Date): string[] {
  const s = r.feedbackSchedule;
  if (!s || r.closedAt) return [];
  const arrived = { receipt: r.receivedAt, status: r.latestStatus, result: r.outcome };
  return (['receipt', 'status', 'result'] as const).filter(
    (k) => !arrived[k] && new Date(s[k].dueAt).getTime() < now.getTime(),
  );
}

/** Overdue: a feedback past its due date, or escalated to the liaison meeting and not closed since. */
export function isOverdue(r: ClueReferralEntity, now: Date): boolean {
  return overdueFeedback(r, now).length > 0 || (r.escalatedAt !== null && r.closedAt === null);
}

function summaryView(r: ClueReferralEntity, now: Date) {
  const overdue = overdueFeedback(r, now);
  return {
    id: r.id,
    referenceNo: r.referenceNo,
    receiverOrg: r.receiverOrg,
    sourceType: r.sourceType,
    sourceLabel: CLUE_SOURCE_TYPES[r.sourceType],
    sourceRef: r.sourceRef,
    status: r.status,
    statusLabel: REFERRAL_STATUS_LABEL[r.status],
    sendDueAt: r.sendDueAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    /** Not sent by the end of the sending period (from the finding). */
    sendOverdue: r.sentAt === null && r.sendDueAt.getTime() < now.getTime(),
    outcome: r.outcome,
    overdueFeedback: overdue,
    overdue: isOverdue(r, now),
    escalatedAt: r.escalatedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

function evidenceView(e: Omit<ClueReferralEvidenceEntity, 'createdAt' | 'content'>) {
  return {
    id: e.id,
    itemNo: e.itemNo,
    description: e.description,
    filename: e.filename,
    contentType: e.contentType,
    size: e.size,
    sha256: e.sha256,
  };
}
