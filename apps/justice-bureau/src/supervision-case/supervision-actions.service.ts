import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PROCESS, SupervisionCaseStatus, USER_TASK } from '@oversight/contracts';
import {
  Bilingual,
  CallerInfo,
  completeUserTask,
  conflict,
  requireOrg,
  unprocessable,
} from '@oversight/platform';
import { EngineClient, PlainVariables } from '@oversight/workflow';
import {
  FilingDecisionDto,
  HandlingDecisionDto,
  InvestigationDto,
  RectificationReplyDto,
  RectificationReviewDto,
} from './supervision-case.dto';
import {
  SupervisionCaseEntity,
  SupervisionCaseNoticeEntity,
  SupervisionRectificationEntity,
} from './supervision-case.entity';
import { SupervisionCaseService } from './supervision-case.service';
import { appendHistory, lockCase, STATUS_LABEL, SUPERVISION_OFFICE } from './supervision-case.util';

export interface StepAccepted {
  caseId: string;
  step: string;
  decision?: string;
}

/**
 * The people's steps of a case. Each checks who acts, that the case is at that step (409 otherwise),
 * and what was sent (422 when a required reason or requirement is missing); it stores the decision and
 * completes the waiting engine task in one transaction, so a decision the process did not take is not
 * kept. The step's worker then moves the case on.
 */
@Injectable()
export class SupervisionActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineClient,
    private readonly cases: SupervisionCaseService,
  ) {}

  async decideFiling(id: string, dto: FilingDecisionDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, SUPERVISION_OFFICE);
    await this.atStep(id, 'filing-review');
    if (dto.decision === 'dismiss')
      this.requireText(dto.opinion, { zh: '不予立案的理由', en: 'the reasons for dismissal' });
    return this.step(id, 'filing-review', USER_TASK.approveSupervisionFiling, async (manager) => {
      await manager.update(
        SupervisionCaseEntity,
        { id },
        {
          filingDecision: dto.decision,
          filingOpinion: dto.opinion?.trim() || null,
          filingDecidedBy: caller.user,
          filingDecidedAt: new Date(),
        },
      );
      await this.history(manager, id, caller, 'filing-decided', {
        zh: `负责人${dto.decision === 'file' ? '批准立案' : '决定不予立案'}${dto.opinion ? `：${dto.opinion.trim()}` : '。'}`,
        en: `The head ${dto.decision === 'file' ? 'approved filing' : 'dismissed the case'}${dto.opinion ? `: ${dto.opinion.trim()}` : '.'}`,
      });
      return { variables: { filed: dto.decision === 'file' }, decision: dto.decision };
    });
  }

  async investigate(id: string, dto: InvestigationDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, SUPERVISION_OFFICE);
    await this.atStep(id, 'investigation');
    if (dto.proposal === 'fault') {
      const missing: Bilingual[] = [];
      if (!dto.instrument)
        missing.push({
          zh: '监督文书种类（建议书或监督检查意见书）',
          en: 'the instrument (suggestion or opinion)',
        });
      if (!dto.requirements?.trim()) missing.push({ zh: '整改要求', en: 'the rectification requirements' });
      if (missing.length > 0) {
        throw unprocessable({
          zh: `认定存在执法过错的，须填写${missing.map((m) => m.zh).join('和')}。`,
          en: `A fault finding needs ${missing.map((m) => m.en).join(' and ')}.`,
        });
      }
    }
    return this.step(id, 'investigation', USER_TASK.investigateSupervisionCase, async (manager) => {
      const fault = dto.proposal === 'fault';
      await manager.update(
        SupervisionCaseEntity,
        { id },
        {
          findings: dto.findings,
          proposal: dto.proposal,
          proposedHandling: dto.proposedHandling,
          instrument: fault ? (dto.instrument ?? null) : null,
          requirements: fault ? (dto.requirements?.trim() ?? null) : null,
          rectificationDays: fault ? (dto.rectificationDays ?? null) : null,
          investigatedBy: caller.user,
          investigatedAt: new Date(),
        },
      );
      await this.history(manager, id, caller, 'investigated', {
        zh: `承办人调查终结，拟${fault ? '认定存在执法过错、责令纠正' : '认定未发现执法过错'}：${dto.proposedHandling}`,
        en: `Investigation concluded; proposal: ${dto.proposal}.`,
      });
      return { variables: {}, decision: dto.proposal };
    });
  }

  async decideHandling(id: string, dto: HandlingDecisionDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, SUPERVISION_OFFICE);
    await this.atStep(id, 'decision-review');
    if (dto.decision === 'return')
      this.requireText(dto.opinion, { zh: '退回补充调查的理由', en: 'the reasons for returning it' });
    return this.step(id, 'decision-review', USER_TASK.approveSupervisionHandling, async (manager) => {
      await manager.update(
        SupervisionCaseEntity,
        { id },
        {
          handlingDecision: dto.decision,
          handlingOpinion: dto.opinion?.trim() || null,
          handlingDecidedBy: caller.user,
          handlingDecidedAt: new Date(),
        },
      );
      await this.history(manager, id, caller, 'handling-decided', {
        zh: `负责人${dto.decision === 'approve' ? '同意处理意见' : '退回补充调查'}${dto.opinion ? `：${dto.opinion.trim()}` : '。'}`,
        en: `The head ${dto.decision === 'approve' ? 'approved the proposal' : 'returned the case for further investigation'}.`,
      });
      return { variables: { approved: dto.decision === 'approve' }, decision: dto.decision };
    });
  }

  /** The agency's rectification and reply for the current round. */
  async reply(id: string, dto: RectificationReplyDto, caller: CallerInfo): Promise<StepAccepted> {
    const c = await this.cases.agencyCase(id, caller);
    if (c.status !== 'rectification') {
      throw conflict({
        zh: `该案件当前处于“${STATUS_LABEL[c.status].zh}”阶段，不接收整改回复。`,
        en: `The case is at the ${STATUS_LABEL[c.status].en} stage; no rectification reply is taken.`,
      });
    }
    const replied = conflict({
      zh: `第${c.rectificationRound}轮整改情况已回复，正在审查。`,
      en: `The reply for rectification round ${c.rectificationRound} is in and under review.`,
    });
    const exists = await this.dataSource
      .getRepository(SupervisionRectificationEntity)
      .existsBy({ caseId: id, round: c.rectificationRound });
    if (exists) throw replied;
    return this.step(id, 'rectification', USER_TASK.rectifySupervisionFindings, async (manager, locked) => {
      if (
        await manager.existsBy(SupervisionRectificationEntity, {
          caseId: id,
          round: locked.rectificationRound,
        })
      ) {
        throw replied;
      }
      const rectificationId = randomUUID();
      const dueAt = locked.rectificationDueAt ?? new Date();
      // Late when the deadline's 督办 notice was raised (the engine's clock) or the wall clock says so.
      const noticed = await manager.existsBy(SupervisionCaseNoticeEntity, {
        caseId: id,
        step: 'rectification',
        dueAt,
      });
      const late = noticed || Date.now() > dueAt.getTime();
      await manager.insert(SupervisionRectificationEntity, {
        id: rectificationId,
        caseId: id,
        round: locked.rectificationRound,
        dueAt,
        report: dto.report,
        measures: dto.measures,
        late,
        submittedBy: caller.user ?? locked.agencyCode,
      });
      await this.history(manager, id, caller, 'rectification-replied', {
        zh: `被监督单位报送第${locked.rectificationRound}轮整改情况${late ? '（逾期）' : ''}：${dto.report}`,
        en: `The agency replied on rectification round ${locked.rectificationRound}${late ? ' (late)' : ''}.`,
      });
      return { variables: { rectificationId } };
    });
  }

  async review(id: string, dto: RectificationReviewDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, SUPERVISION_OFFICE);
    const c = await this.atStep(id, 'rectification');
    const pending = await this.dataSource
      .getRepository(SupervisionRectificationEntity)
      .findOneBy({ caseId: id, round: c.rectificationRound });
    if (!pending || pending.reviewDecision) {
      throw conflict({
        zh: `被监督单位尚未报送第${c.rectificationRound}轮整改情况，不能审查。`,
        en: `The agency has not yet replied on rectification round ${c.rectificationRound}.`,
      });
    }
    if (dto.decision === 'reject')
      this.requireText(dto.opinion, {
        zh: '不予认可的理由和再次整改要求',
        en: 'the reasons for rejecting it',
      });
    return this.step(id, 'rectification', USER_TASK.reviewSupervisionRectification, async (manager) => {
      await manager.update(
        SupervisionRectificationEntity,
        { id: pending.id },
        {
          reviewDecision: dto.decision,
          reviewOpinion: dto.opinion?.trim() || null,
          nextRectificationDays: dto.decision === 'reject' ? (dto.rectificationDays ?? null) : null,
          reviewedBy: caller.user,
          reviewedAt: new Date(),
        },
      );
      await this.history(manager, id, caller, 'rectification-reviewed', {
        zh: `审查第${pending.round}轮整改情况：${dto.decision === 'accept' ? '予以认可' : '不予认可，责令再次整改'}${dto.opinion ? `（${dto.opinion.trim()}）` : ''}。`,
        en: `Rectification round ${pending.round} ${dto.decision === 'accept' ? 'accepted' : 'rejected'}.`,
      });
      return {
        variables: { accepted: dto.decision === 'accept', rectificationId: pending.id },
        decision: dto.decision,
      };
    });
  }

  private async atStep(id: string, status: SupervisionCaseStatus): Promise<SupervisionCaseEntity> {
    const c = await this.cases.case(id);
    if (c.status !== status) throw this.notNow(c.status, status);
    return c;
  }

  private notNow(current: SupervisionCaseStatus, wanted: SupervisionCaseStatus) {
    return conflict({
      zh: `该案件当前处于“${STATUS_LABEL[current].zh}”阶段，不能办理“${STATUS_LABEL[wanted].zh}”。`,
      en: `The case is at the ${STATUS_LABEL[current].en} stage, not ${STATUS_LABEL[wanted].en}.`,
    });
  }

  private requireText(text: string | undefined, what: Bilingual): void {
    if (!text?.trim()) {
      throw unprocessable({ zh: `请填写${what.zh}。`, en: `Please give ${what.en}.` });
    }
  }

  /** Locks the case, re-checks its step, stores the decision and completes the engine task. */
  private async step(
    id: string,
    status: SupervisionCaseStatus,
    taskKey: string,
    record: (
      manager: EntityManager,
      locked: SupervisionCaseEntity,
    ) => Promise<{ variables: PlainVariables; decision?: string }>,
  ): Promise<StepAccepted> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockCase(manager, id);
      if (!locked) throw conflict({ zh: '案件已不存在。', en: 'The case no longer exists.' });
      if (locked.status !== status) throw this.notNow(locked.status, status);
      const { variables, decision } = await record(manager, locked);
      await completeUserTask(this.engine, {
        processDefinitionKey: PROCESS.supervisionCase,
        businessKey: id,
        taskKey,
        variables,
        notNow: {
          zh: `该案件的流程当前不在“${STATUS_LABEL[status].zh}”环节，请稍后刷新再试。`,
          en: `The case's process is not waiting at ${STATUS_LABEL[status].en}; refresh and try again.`,
        },
      });
      return { caseId: id, step: taskKey, ...(decision ? { decision } : {}) };
    });
  }

  private history(manager: EntityManager, caseId: string, caller: CallerInfo, kind: string, text: Bilingual) {
    return appendHistory(manager, {
      caseId,
      kind,
      text,
      actorOrg: caller.org ?? SUPERVISION_OFFICE,
      actor: caller.user,
      sourceKey: `action:${randomUUID()}`,
    });
  }
}
