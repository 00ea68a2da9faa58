import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { MESSAGE, USER_TASK } from '@oversight/contracts';
import { beijingDate, dueAt, endOfBeijingDay } from '@oversight/deadlines';
import { Bilingual, CallerInfo, conflict, requireOrg, unprocessable } from '@oversight/platform';
import { EngineClient, EngineHttpError, PlainVariables } from '@oversight/workflow';
import { DEADLINE_RULES } from '../deadline/deadline-rules';
import { OrganisationService } from '../organisation/organisation.service';
import { AttachmentService, AttachmentView, UploadedFileData } from './attachment.service';
import {
  AcceptanceDto,
  AppealDecisionDto,
  AssignmentDto,
  DraftReplyDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  FollowUpDto,
  ObjectionDto,
  ReplyDto,
  ReviewDto,
} from './complaint-actions.dto';
import { AppealEntity, AttachmentEntity, ExtensionRequestEntity } from './complaint-records.entity';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintQueryService } from './complaint-query.service';

export const JUSTICE_BUREAU = 'sfj';
export const HEAD = 'head';

const STEP_LABEL: Record<string, Bilingual> = {
  [USER_TASK.acceptanceReview]: { zh: '受理审查', en: 'acceptance review' },
  [USER_TASK.assignAgency]: { zh: '交办', en: 'assignment' },
  [USER_TASK.agencyHandling]: { zh: '承办单位办理', en: 'agency handling' },
  [USER_TASK.reviewDraft]: { zh: '审核答复草稿', en: 'draft review' },
  [USER_TASK.replyComplainant]: { zh: '答复投诉人', en: 'reply' },
  [USER_TASK.approveExtension]: { zh: '延期审批', en: 'extension approval' },
  [USER_TASK.followUpVisit]: { zh: '回访', en: 'follow-up visit' },
  [USER_TASK.appealReview]: { zh: '复查', en: 'review (复查)' },
  [USER_TASK.appealRecheck]: { zh: '复核', en: 'recheck (复核)' },
};

export interface StepAccepted {
  complaintId: string;
  step: string;
  taskId: string;
}

/**
 * The justice bureau's and the agencies' actions on a complaint. Each one checks who may act and what
 * they sent, then completes the process step in the engine (which stores it durably); the step's
 * worker records it on the complaint. An action the process is not waiting for is a 409.
 */
@Injectable()
export class ComplaintActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineClient,
    private readonly organisations: OrganisationService,
    private readonly attachments: AttachmentService,
    private readonly query: ComplaintQueryService,
  ) {}

  async decideAcceptance(id: string, dto: AcceptanceDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, JUSTICE_BUREAU);
    await this.query.complaint({ id });
    return this.completeStep(id, USER_TASK.acceptanceReview, {
      decision: dto.decision,
      reason: dto.reason ?? null,
      forwardTo: dto.forwardTo ?? null,
    });
  }

  async assign(id: string, dto: AssignmentDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, JUSTICE_BUREAU);
    const complaint = await this.query.complaint({ id });
    const agency = await this.organisations.find(dto.agencyOrg);
    if (!agency) {
      throw unprocessable({
        zh: `承办单位“${dto.agencyOrg}”不存在，请从单位列表中选择。`,
        en: `Unknown agency "${dto.agencyOrg}"; choose one from the organisation list.`,
      });
    }
    if (dto.dueDate) {
      const limit =
        complaint.handlingDueAt ?? dueAt(DEADLINE_RULES.complaintHandling, complaint.decidedAt ?? new Date());
      if (dto.dueDate <= beijingDate(new Date()) || endOfBeijingDay(dto.dueDate) > limit) {
        throw unprocessable({
          zh: `要求办结日期须晚于今天且不晚于法定期限${beijingDate(new Date(limit.getTime() - 1))}。`,
          en: `The due date must be after today and not after the statutory limit ${beijingDate(new Date(limit.getTime() - 1))}.`,
        });
      }
    }
    return this.completeStep(id, USER_TASK.assignAgency, {
      agencyOrg: agency.code,
      agencyDueDate: dto.dueDate ?? null,
      assignmentNote: dto.note ?? null,
    });
  }

  /** The agency says the complaint is not theirs (Art. 23), while the objection window is open. */
  async object(id: string, dto: ObjectionDto, caller: CallerInfo): Promise<StepAccepted> {
    const complaint = await this.assignedTo(id, caller);
    if (complaint.objectionClosed) {
      throw unprocessable({
        zh: `异议期限已于${beijingDate(new Date((complaint.objectionDueAt as Date).getTime() - 1))}届满，请按交办要求办理。`,
        en: 'The objection window has closed; please handle the complaint as assigned.',
      });
    }
    await this.correlate(
      id,
      MESSAGE.complaintAssignmentObjected,
      { objectionReason: dto.reason },
      {
        zh: '该投诉当前不能提出交办异议（可能已提交答复草稿）。',
        en: 'An objection is not possible at this stage (the draft may already be submitted).',
      },
    );
    return { complaintId: id, step: 'objection', taskId: '' };
  }

  async uploadEvidence(id: string, files: UploadedFileData[], caller: CallerInfo): Promise<AttachmentView[]> {
    const complaint = await this.assignedTo(id, caller);
    if (files.length === 0) {
      throw unprocessable({ zh: '请选择要上传的证据材料。', en: 'Choose at least one evidence file.' });
    }
    this.attachments.validate(files);
    return this.dataSource.transaction((manager) =>
      this.attachments.store(manager, complaint.id, 'evidence', files, caller.org),
    );
  }

  async submitDraft(id: string, dto: DraftReplyDto, caller: CallerInfo): Promise<StepAccepted> {
    await this.assignedTo(id, caller);
    const evidenceIds = dto.evidenceIds ?? [];
    if (evidenceIds.length > 0) {
      const found = await this.dataSource.getRepository(AttachmentEntity).countBy({
        id: In(evidenceIds),
        complaintId: id,
        purpose: 'evidence',
      });
      if (found !== new Set(evidenceIds).size) {
        throw unprocessable({
          zh: '所附证据材料不存在或不属于本投诉，请先上传证据。',
          en: 'Some evidence ids do not exist for this complaint; upload the evidence first.',
        });
      }
    }
    return this.completeStep(id, USER_TASK.agencyHandling, {
      findings: dto.findings,
      draftReply: dto.draftReply,
      substantiated: dto.substantiated,
      officers: JSON.stringify(dto.officers ?? []),
      evidenceIds: JSON.stringify(evidenceIds),
    });
  }

  async review(id: string, dto: ReviewDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, JUSTICE_BUREAU);
    await this.query.complaint({ id });
    return this.completeStep(id, USER_TASK.reviewDraft, {
      reviewDecision: dto.decision,
      reviewComment: dto.comment ?? null,
      misconductFound: dto.misconduct !== undefined,
      misconductFacts: dto.misconduct?.facts ?? null,
    });
  }

  async reply(id: string, dto: ReplyDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, JUSTICE_BUREAU);
    await this.query.complaint({ id });
    return this.completeStep(id, USER_TASK.replyComplainant, { reply: dto.reply });
  }

  async followUp(id: string, dto: FollowUpDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, JUSTICE_BUREAU);
    await this.query.complaint({ id });
    return this.completeStep(id, USER_TASK.followUpVisit, {
      followUpResult: dto.result,
      satisfaction: dto.satisfaction ?? null,
    });
  }

  /** The bureau or the handling agency asks for more time; the head decides in the process. */
  async requestExtension(id: string, dto: ExtensionRequestDto, caller: CallerInfo) {
    const complaint = await this.query.complaint({ id });
    if (caller.org !== JUSTICE_BUREAU) await this.assignedTo(id, caller);
    if (!['assigned', 'draft-submitted', 'approved'].includes(complaint.status) || !complaint.handlingDueAt) {
      throw conflict({
        zh: '只有办理中的投诉才能申请延期。',
        en: 'Only a complaint being handled can have its time limit extended.',
      });
    }
    const max = DEADLINE_RULES.complaintHandling.extension.maxLength;
    const granted = await this.dataSource
      .getRepository(ExtensionRequestEntity)
      .sum('length', { complaintId: id, status: 'approved' });
    if ((granted ?? 0) + dto.length > max) {
      throw unprocessable({
        zh: `延长期限累计不得超过${max}日（已延长${granted ?? 0}日）。依据：${DEADLINE_RULES.complaintHandling.extension.basis}`,
        en: `Extensions may not exceed ${max} days in all (${granted ?? 0} already granted).`,
      });
    }
    const pending = await this.dataSource
      .getRepository(ExtensionRequestEntity)
      .existsBy({ complaintId: id, status: 'pending' });
    if (pending) {
      throw conflict({
        zh: '已有待审批的延期申请。',
        en: 'An extension request is already awaiting approval.',
      });
    }
    const requestId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ExtensionRequestEntity, {
        id: requestId,
        complaintId: id,
        requestedByOrg: caller.org as string,
        length: dto.length,
        reason: dto.reason,
        status: 'pending',
        previousDueAt: complaint.handlingDueAt as Date,
      });
      // Inside the transaction: if the process is not there to take it, nothing is stored.
      await this.correlate(
        id,
        MESSAGE.complaintExtensionRequested,
        { extensionRequestId: requestId, extensionLength: dto.length },
        { zh: '该投诉当前不能申请延期。', en: 'An extension cannot be requested at this stage.' },
      );
    });
    return { id: requestId, complaintId: id, status: 'pending' };
  }

  async decideExtension(id: string, requestId: string, dto: ExtensionDecisionDto, caller: CallerInfo) {
    requireOrg(caller, JUSTICE_BUREAU, HEAD);
    const request = await this.dataSource
      .getRepository(ExtensionRequestEntity)
      .findOneBy({ id: requestId, complaintId: id });
    if (!request || request.status !== 'pending') {
      throw conflict({
        zh: '该延期申请不存在或已审批。',
        en: 'This extension request does not exist or is decided.',
      });
    }
    return this.completeStep(id, USER_TASK.approveExtension, {
      extensionApproved: dto.approved,
      extensionComment: dto.comment ?? null,
    });
  }

  async decideAppeal(id: string, stage: 'review' | 'recheck', dto: AppealDecisionDto, caller: CallerInfo) {
    requireOrg(caller, JUSTICE_BUREAU, HEAD);
    await this.query.complaint({ id });
    return this.completeStep(id, stage === 'review' ? USER_TASK.appealReview : USER_TASK.appealRecheck, {
      appealDecision: dto.decision,
      appealOpinion: dto.opinion,
    });
  }

  /** The complainant asks for 复查, or after it 复核 (Arts 35-36), while the window is open. */
  async requestAppeal(complaint: ComplaintEntity, reason: string) {
    const existing = await this.dataSource.getRepository(AppealEntity).findBy({ complaintId: complaint.id });
    const review = existing.find((a) => a.stage === 'review');
    const stage = !review
      ? 'review'
      : review.decidedAt && !existing.some((a) => a.stage === 'recheck')
        ? 'recheck'
        : null;
    if (!complaint.repliedAt || !stage) {
      throw conflict({
        zh: review && !review.decidedAt ? '复查申请正在办理中。' : '该投诉当前不能申请复查或复核。',
        en:
          review && !review.decidedAt
            ? 'Your review request is being handled.'
            : 'No review or recheck can be requested now.',
      });
    }
    const rule = stage === 'review' ? DEADLINE_RULES.appealReview : DEADLINE_RULES.appealRecheck;
    const due = dueAt(rule, new Date());
    await this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.insert(AppealEntity, {
        id: randomUUID(),
        complaintId: complaint.id,
        stage,
        reason,
        dueAt: due,
      });
      await this.correlate(
        complaint.id,
        stage === 'review' ? MESSAGE.complaintAppealRequested : MESSAGE.complaintRecheckRequested,
        stage === 'review' ? { appealDueAt: due.toISOString() } : { recheckDueAt: due.toISOString() },
        {
          zh: `${stage === 'review' ? '复查' : '复核'}申请期限已过，不能再申请。`,
          en: `The time to request a ${stage === 'review' ? 'review' : 'recheck'} has passed.`,
        },
      );
    });
    return {
      stage,
      dueAt: due.toISOString(),
      rule: { basis: rule.basis, length: rule.length, unit: rule.unit },
    };
  }

  private async assignedTo(id: string, caller: CallerInfo): Promise<ComplaintEntity> {
    // An agency only ever sees complaints assigned to it: anything else is "not found", not "forbidden".
    return this.query
      .complaint({ id, agencyOrg: caller.org ?? '-', status: 'assigned' })
      .catch(async (error) => {
        const mine = caller.org
          ? await this.dataSource.getRepository(ComplaintEntity).existsBy({ id, agencyOrg: caller.org })
          : false;
        if (mine) {
          throw conflict({
            zh: '该投诉当前不在承办单位办理环节。',
            en: 'The complaint is not with the agency at this stage.',
          });
        }
        throw error;
      });
  }

  private async completeStep(id: string, taskKey: string, variables: PlainVariables): Promise<StepAccepted> {
    const [task] = await this.engine.listTasks({
      processInstanceBusinessKey: id,
      taskDefinitionKey: taskKey,
      maxResults: 1,
    });
    const label = STEP_LABEL[taskKey];
    const notNow = conflict({
      zh: `该投诉当前不在“${label.zh}”环节，不能办理此操作。`,
      en: `The complaint is not at the ${label.en} step; this action is not possible now.`,
    });
    if (!task) throw notNow;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.engine.completeTask(task.id, variables);
        break;
      } catch (error) {
        // Completed a moment ago by someone else: the same answer as if we had looked a moment later.
        if (error instanceof EngineHttpError && error.status < 500) throw notNow;
        // A job of the same instance finished at the same moment: the engine asks us to try again.
        const busy = error instanceof EngineHttpError && /OptimisticLocking|concurrently/.test(error.message);
        if (!busy || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
    return { complaintId: id, step: taskKey, taskId: task.id };
  }

  private async correlate(id: string, message: string, variables: PlainVariables, notNow: Bilingual) {
    try {
      await this.engine.correlateMessage(message, id, variables);
    } catch (error) {
      if (error instanceof EngineHttpError && error.status === 400) throw conflict(notNow);
      throw error;
    }
  }
}
