import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@oversight/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { USER_TASK } from '@oversight/contracts';
import { beijingDate, endOfBeijingDay } from '@oversight/deadlines';
import {
  badRequest,
  Bilingual,
  CallerInfo,
  conflict,
  forbidden,
  notFound,
  requireOrg,
  unprocessable,
} from '@oversight/platform';
import { EngineClient, EngineHttpError, PlainVariables } from '@oversight/workflow';
import { chineseDay, lastDay, windowText } from './acceptance-calendar';
import {
  AcceptanceCampaignEntity,
  AcceptanceInspectionEntity,
  AcceptanceNoticeEntity,
  AcceptanceProgressEntity,
  AcceptanceRectificationEntity,
  AcceptanceSelfCheckEntity,
  AcceptanceUnitEntity,
  AcceptanceWorkPlanEntity,
} from './acceptance-campaign.entity';
import { CAMPAIGN, AcceptanceCampaignService } from './acceptance-campaign.service';
import {
  InspectionDto,
  ProgressDto,
  RectificationDto,
  SelfCheckDto,
  SummaryDto,
  WorkPlanDto,
} from './acceptance-campaign.dto';
import { AcceptanceEvidenceService, UploadedEvidence } from './acceptance-evidence.service';
import { scoreSheet } from './acceptance-scoring.util';
import { FINAL_STAGES, LEADING_GROUP_OFFICE } from './acceptance-stage.util';

const STEP_LABEL: Record<string, Bilingual> = {
  [USER_TASK.submitWorkPlan]: { zh: '报送工作方案', en: 'work plan submission' },
  [USER_TASK.unitSelfCheck]: { zh: '自查', en: 'self-check' },
  [USER_TASK.inspectUnit]: { zh: '验收检查', en: 'inspection' },
  [USER_TASK.rectifyUnit]: { zh: '整改', en: 'rectification' },
  [USER_TASK.reinspectUnit]: { zh: '复查验收', en: 're-inspection' },
  [USER_TASK.summariseCampaign]: { zh: '评估总结', en: 'summary' },
};

export interface StepAccepted {
  campaignId: string;
  unitCode: string | null;
  step: string;
  recordId: string;
}

interface UnitContext {
  campaign: AcceptanceCampaignEntity;
  unit: AcceptanceUnitEntity;
}

/**
 * What units and the acceptance team do in a campaign. Each action checks who may act, whether the
 * window is open (the window's state is the unit's stage, moved by the process's timers), and what
 * was sent; it stores the submission and completes the waiting step in the same transaction, so a
 * submission the process did not take is not kept. The step's worker then moves the unit on.
 */
@Injectable()
export class AcceptanceActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineClient,
    private readonly campaigns: AcceptanceCampaignService,
    private readonly evidence: AcceptanceEvidenceService,
  ) {}

  /** A unit sees only campaigns it takes part in: anything else is "not found". */
  async unitContext(campaignId: string, caller: CallerInfo): Promise<UnitContext> {
    if (!caller.org) {
      throw forbidden({ zh: '请以参加单位身份登录。', en: 'Sign in as a member of a participating unit.' });
    }
    const unit = await this.dataSource
      .getRepository(AcceptanceUnitEntity)
      .findOneBy({ campaignId, unitCode: caller.org });
    if (!unit) throw notFound(CAMPAIGN, campaignId);
    return { campaign: await this.campaigns.campaign(campaignId), unit };
  }

  /** The office's view of one participant. */
  async officeContext(campaignId: string, unitCode: string, caller: CallerInfo): Promise<UnitContext> {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    const campaign = await this.campaigns.campaign(campaignId);
    const unit = await this.dataSource
      .getRepository(AcceptanceUnitEntity)
      .findOneBy({ campaignId, unitCode });
    if (!unit) throw notFound({ zh: '参加单位', en: 'Participating unit' }, unitCode);
    return { campaign, unit };
  }

  async uploadEvidence(
    campaignId: string,
    itemCode: string | undefined,
    files: UploadedEvidence[],
    caller: CallerInfo,
  ) {
    const { campaign, unit } = await this.unitContext(campaignId, caller);
    this.requireOpen(unit);
    if (itemCode !== undefined) this.requireItems(campaign, [itemCode]);
    this.evidence.validate(files);
    return this.evidence.store(
      { campaignId, unitCode: unit.unitCode, itemCode: itemCode ?? null, uploadedBy: caller.user },
      files,
    );
  }

  async submitWorkPlan(campaignId: string, dto: WorkPlanDto, caller: CallerInfo): Promise<StepAccepted> {
    const { campaign, unit } = await this.unitContext(campaignId, caller);
    const alreadyPlanned = conflict({
      zh: '本单位已报送工作方案。',
      en: 'The work plan has already been submitted.',
    });
    const planned = await this.dataSource
      .getRepository(AcceptanceWorkPlanEntity)
      .existsBy({ campaignId, unitCode: unit.unitCode });
    if (planned) throw alreadyPlanned;
    if (unit.stage !== 'work-plan') {
      throw unprocessable({
        zh: `工作方案应于${chineseDay(lastDay(campaign.planDueAt))}前报送；自查已于${chineseDay(
          beijingDate(campaign.selfCheckStartsAt),
        )}开始，不再接收工作方案。`,
        en: `The work plan was due by ${lastDay(campaign.planDueAt)}; the self-check has started, so it can no longer be submitted.`,
      });
    }
    if (dto.documentIds.length === 0) {
      throw unprocessable({
        zh: '请先上传工作方案文件，并在报送时附上。',
        en: 'Upload the work plan document and attach it.',
      });
    }
    const id = randomUUID();
    return this.once(alreadyPlanned, async (manager) => {
      await this.evidence.requireOwn(manager, campaignId, unit.unitCode, dto.documentIds);
      await manager.insert(AcceptanceWorkPlanEntity, {
        id,
        campaignId,
        unitCode: unit.unitCode,
        title: dto.title,
        summary: dto.summary,
        documentIds: dto.documentIds,
        submittedBy: caller.user,
      });
      await this.completeStep(campaignId, USER_TASK.submitWorkPlan, unit.unitCode, { workPlanId: id });
      return { campaignId, unitCode: unit.unitCode, step: USER_TASK.submitWorkPlan, recordId: id };
    });
  }

  /** Progress of the creation period, with evidence; not a process step, so no window but the campaign's. */
  async recordProgress(campaignId: string, dto: ProgressDto, caller: CallerInfo) {
    const { campaign, unit } = await this.unitContext(campaignId, caller);
    this.requireOpen(unit);
    if (dto.evidenceIds.length === 0) {
      throw unprocessable({
        zh: '进展情况须附佐证材料，请先上传。',
        en: 'A progress record needs evidence; upload it first.',
      });
    }
    const itemCodes = dto.itemCodes ?? [];
    this.requireItems(campaign, itemCodes);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.evidence.requireOwn(manager, campaignId, unit.unitCode, dto.evidenceIds);
      await manager.insert(AcceptanceProgressEntity, {
        id,
        campaignId,
        unitCode: unit.unitCode,
        note: dto.note,
        itemCodes,
        evidenceIds: dto.evidenceIds,
        recordedBy: caller.user,
      });
    });
    return { id, campaignId, unitCode: unit.unitCode, itemCodes, evidenceIds: dto.evidenceIds };
  }

  async submitSelfCheck(campaignId: string, dto: SelfCheckDto, caller: CallerInfo): Promise<StepAccepted> {
    const { campaign, unit } = await this.unitContext(campaignId, caller);
    const alreadyChecked = conflict({
      zh: '本单位已提交自查结果。',
      en: 'The self-check has already been submitted.',
    });
    const checked = await this.dataSource
      .getRepository(AcceptanceSelfCheckEntity)
      .existsBy({ campaignId, unitCode: unit.unitCode });
    if (checked) throw alreadyChecked;
    if (unit.stage !== 'self-check') {
      const window = windowText(campaign.selfCheckStartsAt, campaign.selfCheckEndsAt);
      const early = unit.stage === 'work-plan' || unit.stage === 'creation';
      throw unprocessable({
        zh: `自查时间为${window.zh}，${early ? '尚未开始' : '已经结束'}，当前不能提交自查结果。`,
        en: `The self-check window is ${window.en}; it has ${early ? 'not opened yet' : 'closed'}.`,
      });
    }
    const { errors, sheet } = scoreSheet(campaign.checklist, unit.kind, dto.items, true);
    if (errors.length > 0) throw this.sheetErrors(errors);
    const id = randomUUID();
    return this.once(alreadyChecked, async (manager) => {
      await this.evidence.requireOwn(
        manager,
        campaignId,
        unit.unitCode,
        dto.items.flatMap((i) => i.evidenceIds),
      );
      await manager.insert(AcceptanceSelfCheckEntity, {
        id,
        campaignId,
        unitCode: unit.unitCode,
        sheet,
        summary: dto.summary,
        submittedBy: caller.user,
      });
      await this.completeStep(campaignId, USER_TASK.unitSelfCheck, unit.unitCode, { selfCheckId: id });
      return { campaignId, unitCode: unit.unitCode, step: USER_TASK.unitSelfCheck, recordId: id };
    });
  }

  async submitRectification(
    campaignId: string,
    dto: RectificationDto,
    caller: CallerInfo,
  ): Promise<StepAccepted> {
    const { unit } = await this.unitContext(campaignId, caller);
    if (unit.stage !== 'rectification') {
      throw conflict({
        zh: '本单位当前没有待提交的整改报告。',
        en: 'There is no rectification order awaiting a report from this unit.',
      });
    }
    if (dto.evidenceIds.length === 0) {
      throw unprocessable({
        zh: '整改报告须附整改佐证材料，请先上传。',
        en: 'The rectification report needs evidence; upload it first.',
      });
    }
    const id = randomUUID();
    const round = unit.rectificationRounds;
    const reported = conflict({
      zh: '本轮整改报告已经提交。',
      en: 'The report for this rectification round is already in.',
    });
    return this.once(reported, async (manager) => {
      await this.evidence.requireOwn(manager, campaignId, unit.unitCode, dto.evidenceIds);
      const late = await manager.existsBy(AcceptanceNoticeEntity, {
        campaignId,
        unitCode: unit.unitCode,
        window: 'rectification',
        round,
      });
      await manager.insert(AcceptanceRectificationEntity, {
        id,
        campaignId,
        unitCode: unit.unitCode,
        round,
        report: dto.report,
        evidenceIds: dto.evidenceIds,
        late,
        submittedBy: caller.user,
      });
      await this.completeStep(campaignId, USER_TASK.rectifyUnit, unit.unitCode, {
        rectificationReportId: id,
      });
      return { campaignId, unitCode: unit.unitCode, step: USER_TASK.rectifyUnit, recordId: id };
    });
  }

  /** The acceptance team's inspection, or its re-inspection after rectification. */
  async inspect(
    campaignId: string,
    unitCode: string,
    dto: InspectionDto,
    caller: CallerInfo,
  ): Promise<StepAccepted> {
    const { campaign, unit } = await this.officeContext(campaignId, unitCode, caller);
    const reinspection = unit.stage === 're-inspection';
    if (unit.stage !== 'inspection' && !reinspection) {
      if (['work-plan', 'creation', 'self-check', 'awaiting-acceptance'].includes(unit.stage)) {
        const window = windowText(campaign.acceptanceStartsAt, campaign.acceptanceEndsAt);
        throw unprocessable({
          zh: `验收时间为${window.zh}，尚未开始，当前不能验收该单位。`,
          en: `The acceptance window is ${window.en}; it has not opened yet.`,
        });
      }
      throw conflict(
        unit.stage === 'rectification'
          ? {
              zh: '该单位正在整改，提交整改报告后方可复查验收。',
              en: 'The unit is rectifying; re-inspect it once its report is in.',
            }
          : { zh: '该单位已有验收结论。', en: 'This unit has already been decided.' },
      );
    }
    if (!reinspection && dto.decision === 'fail') {
      throw unprocessable({
        zh: '首次验收只能作出“通过”或“责令整改”的结论；整改后复查仍不合格的，方可不予通过。',
        en: 'The first inspection either accepts or orders rectification; "fail" is only for a re-inspection.',
      });
    }
    const { errors, sheet } = scoreSheet(campaign.checklist, unit.kind, dto.items, false);
    if (errors.length > 0) throw this.sheetErrors(errors);
    if (dto.decision === 'accept' && sheet.percent < campaign.passScore) {
      throw unprocessable({
        zh: `验收得分${sheet.percent}分，低于合格线${campaign.passScore}分，不能通过验收，请责令整改。`,
        en: `The score ${sheet.percent} is below the pass mark ${campaign.passScore}; order rectification instead.`,
      });
    }
    if (dto.decision === 'fail' && sheet.percent >= campaign.passScore) {
      throw unprocessable({
        zh: `复查得分${sheet.percent}分，已达到合格线${campaign.passScore}分，不能作出不予通过的结论。`,
        en: `The score ${sheet.percent} reaches the pass mark ${campaign.passScore}; it cannot fail.`,
      });
    }
    if (dto.decision === 'rectify' && dto.rectificationDueDate) {
      const due = this.day(dto.rectificationDueDate, 'rectificationDueDate', '整改期限');
      if (due <= campaign.acceptanceStartsAt || due > campaign.summaryEndsAt) {
        const window = windowText(campaign.acceptanceStartsAt, campaign.summaryEndsAt);
        throw unprocessable({
          zh: `整改期限应在${window.zh}之间（评估总结阶段结束前完成复查）。`,
          en: `The rectification due date must fall within ${window.en}, before the summary closes.`,
        });
      }
    }
    const round = reinspection ? unit.rectificationRounds : 0;
    const step = reinspection ? USER_TASK.reinspectUnit : USER_TASK.inspectUnit;
    const id = randomUUID();
    const decided = conflict({
      zh: '该单位本轮验收已有结论。',
      en: 'This round of the unit’s inspection is already decided.',
    });
    return this.once(decided, async (manager) => {
      await manager.insert(AcceptanceInspectionEntity, {
        id,
        campaignId,
        unitCode,
        round,
        sheet,
        decision: dto.decision,
        opinion: dto.opinion,
        rectificationRequirements:
          dto.decision === 'rectify' ? (dto.rectificationRequirements ?? null) : null,
        requestedDueDate: dto.decision === 'rectify' ? (dto.rectificationDueDate ?? null) : null,
        inspectors: dto.inspectors ?? [],
        inspectedBy: caller.user,
      });
      await this.completeStep(campaignId, step, unitCode, {
        inspectionId: id,
        inspectionDecision: dto.decision,
      });
      return { campaignId, unitCode, step, recordId: id };
    });
  }

  /** The office's summary and report to the provincial office; the worker records the results. */
  async summarise(campaignId: string, dto: SummaryDto, caller: CallerInfo): Promise<StepAccepted> {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    const campaign = await this.campaigns.campaign(campaignId);
    if (campaign.status === 'closed') {
      throw conflict({ zh: '该创建验收活动已总结完毕。', en: 'This campaign has already been summarised.' });
    }
    if (campaign.status !== 'summary') {
      const units = await this.dataSource
        .getRepository(AcceptanceUnitEntity)
        .find({ where: { campaignId }, select: { stage: true } });
      const undecided = units.filter((u) => !FINAL_STAGES.includes(u.stage)).length;
      const window = windowText(campaign.summaryStartsAt, campaign.summaryEndsAt);
      throw unprocessable({
        zh: `评估总结阶段为${window.zh}，须在该阶段开始且所有单位均有验收结论后提交总结${
          undecided > 0 ? `（尚有${undecided}个单位未作出验收结论）` : '（尚未开始）'
        }。`,
        en: `The summary window is ${window.en}; the summary is taken once it has opened and every unit is decided${
          undecided > 0 ? ` (${undecided} units are still undecided)` : ' (not open yet)'
        }.`,
      });
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.update(
        AcceptanceCampaignEntity,
        { id: campaignId },
        { summary: dto.summary, reportNumber: dto.reportNumber ?? null },
      );
      await this.completeStep(campaignId, USER_TASK.summariseCampaign, null, {});
      return { campaignId, unitCode: null, step: USER_TASK.summariseCampaign, recordId: campaignId };
    });
  }

  private day(value: string, field: string, label: string): Date {
    try {
      return endOfBeijingDay(value);
    } catch {
      throw badRequest(
        { zh: '提交的内容有误，请按提示修改。', en: 'The submission has errors; please correct them.' },
        [{ field, zh: `${label}：不是有效的日期`, en: `${field} is not a valid date` }],
      );
    }
  }

  /** One submission per step: a second one racing the first hits the unique key and is told so. */
  private async once<T>(already: Error, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw already;
      }
      throw error;
    }
  }

  private requireOpen(unit: AcceptanceUnitEntity): void {
    if (FINAL_STAGES.includes(unit.stage)) {
      throw unprocessable({
        zh: '本单位的创建验收已有结论，不再接收材料。',
        en: 'This unit has been decided; no more material is taken.',
      });
    }
  }

  private requireItems(campaign: AcceptanceCampaignEntity, codes: string[]): void {
    const unknown = codes.filter((c) => !campaign.checklist.items.some((i) => i.code === c));
    if (unknown.length > 0) {
      throw unprocessable({
        zh: `以下条目不在验收清单中：${unknown.join('、')}`,
        en: `Not on the checklist: ${unknown.join(', ')}`,
      });
    }
  }

  private sheetErrors(errors: Bilingual[]) {
    return unprocessable({
      zh: `评分表不完整或有误：${errors.map((e) => e.zh).join('；')}。`,
      en: `The score sheet is incomplete or wrong: ${errors.map((e) => e.en).join('; ')}.`,
    });
  }

  /**
   * Completes the waiting step of one unit (or of the campaign) in the engine; 409 if the process is
   * not waiting for it. Runs inside the caller's transaction: if this throws, nothing is stored.
   */
  private async completeStep(
    campaignId: string,
    taskKey: string,
    unitCode: string | null,
    variables: PlainVariables,
  ): Promise<void> {
    const [task] = await this.engine.listTasks({
      processInstanceBusinessKey: campaignId,
      taskDefinitionKey: taskKey,
      taskVariables: unitCode ? `unitCode_eq_${unitCode}` : undefined,
      maxResults: 1,
    });
    const label = STEP_LABEL[taskKey];
    const notNow = conflict({
      zh: `${unitCode ? '该单位' : '该创建验收活动'}当前不在“${label.zh}”环节，不能办理此操作。`,
      en: `The ${unitCode ? 'unit' : 'campaign'} is not at the ${label.en} step; this action is not possible now.`,
    });
    if (!task) throw notNow;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.engine.completeTask(task.id, variables);
        return;
      } catch (error) {
        if (error instanceof EngineHttpError && error.status < 500) throw notNow;
        const busy = error instanceof EngineHttpError && /OptimisticLocking|concurrently/.test(error.message);
        if (!busy || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }
}
