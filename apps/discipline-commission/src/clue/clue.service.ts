import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BODY, CLUE_DISPOSALS, CLUE_SOURCE_TYPES, PROCESS, USER_TASK } from '@oversight/contracts';
import { CallerInfo, notFound, requireOrg, unprocessable } from '@oversight/platform';
import { EngineClient, PlainVariables } from '@oversight/workflow';
import { clueNotesAndReminders, completeUserTask, receivedClueDetail } from '@oversight/clue-referral';
import {
  ClueDecisionDto,
  ClueListQuery,
  COMMISSION_RESULTS,
  DisposalDto,
  HandlingDto,
  JurisdictionDto,
  RESULTS_OF_DISPOSAL,
} from './clue.dto';
import { ClueEntity, ClueHandlingStatus, ClueReminderEntity, ClueWorkingNoteEntity } from './clue.entity';

const CLUE = { zh: '问题线索', en: 'Clue' };
const HEAD = 'head';

export const CLUE_STATUS_LABEL: Record<ClueHandlingStatus, { zh: string; en: string }> = {
  received: { zh: '已接收，待登记', en: 'Received, being registered' },
  registered: { zh: '已登记，待管辖审查', en: 'Registered, awaiting the jurisdiction decision' },
  accepted: { zh: '本机关管辖，待确定处置方式', en: 'Kept, awaiting the disposal' },
  forwarded: { zh: '已转送其他监察机关', en: 'Forwarded to the competent commission' },
  returned: { zh: '已退回移送机关', en: 'Returned to the sender' },
  'disposal-chosen': { zh: '处置中', en: 'Being disposed of' },
  handled: { zh: '已办理，待研究决定', en: 'Handled, awaiting the decision' },
  concluded: { zh: '已办结并反馈', en: 'Concluded and fed back' },
};

const STEP_LABEL: Record<string, { zh: string; en: string }> = {
  [USER_TASK.decideJurisdiction]: { zh: '管辖审查', en: 'jurisdiction' },
  [USER_TASK.chooseDisposal]: { zh: '确定处置方式', en: 'disposal' },
  [USER_TASK.handleClue]: { zh: '谈话函询或初步核实', en: 'handling' },
  [USER_TASK.decideClue]: { zh: '研究决定', en: 'decision' },
};

/**
 * The commission's desk for referred clues: jurisdiction, disposal, handling, decision. Working notes are
 * written here, in the commission's own tables, and never travel; the process carries only decisions,
 * which go back to the sender as receipt, status and result.
 */
@Injectable()
export class ClueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineClient,
  ) {}

  async decideJurisdiction(id: string, dto: JurisdictionDto, caller: CallerInfo) {
    requireOrg(caller, BODY.disciplineCommission);
    await this.clue(id);
    await this.step(id, USER_TASK.decideJurisdiction, {
      jurisdiction: dto.decision,
      forwardTo: dto.decision === 'forward' ? (dto.forwardTo ?? null) : null,
      jurisdictionRemark: dto.remark ?? null,
    });
    return { id, step: USER_TASK.decideJurisdiction, decision: dto.decision };
  }

  async chooseDisposal(id: string, dto: DisposalDto, caller: CallerInfo) {
    requireOrg(caller, BODY.disciplineCommission);
    await this.dataSource.transaction(async (manager) => {
      await this.note(manager, id, USER_TASK.chooseDisposal, caller, dto.reason);
      // Inside the transaction: if the process is not at this step, the note is not kept either.
      await this.step(id, USER_TASK.chooseDisposal, { disposal: dto.disposal });
    });
    return { id, step: USER_TASK.chooseDisposal, disposal: dto.disposal };
  }

  async handle(id: string, dto: HandlingDto, caller: CallerInfo) {
    requireOrg(caller, BODY.disciplineCommission);
    await this.dataSource.transaction(async (manager) => {
      await this.note(manager, id, USER_TASK.handleClue, caller, dto.workingNotes);
      await this.step(id, USER_TASK.handleClue, { handledBy: caller.user });
    });
    return { id, step: USER_TASK.handleClue };
  }

  async decide(id: string, dto: ClueDecisionDto, caller: CallerInfo) {
    requireOrg(caller, BODY.disciplineCommission, HEAD);
    const clue = await this.clue(id);
    if (clue.disposal && !RESULTS_OF_DISPOSAL[clue.disposal].includes(dto.result)) {
      const allowed = RESULTS_OF_DISPOSAL[clue.disposal];
      throw unprocessable({
        zh: `处置方式为“${CLUE_DISPOSALS[clue.disposal].zh}”的线索，处置结果只能是：${allowed.map((r) => COMMISSION_RESULTS[r].zh).join('、')}。`,
        en: `A clue disposed of by ${CLUE_DISPOSALS[clue.disposal].en} can only end as: ${allowed.join(', ')}.`,
      });
    }
    await this.dataSource.transaction(async (manager) => {
      if (dto.internalOpinion)
        await this.note(manager, id, USER_TASK.decideClue, caller, dto.internalOpinion);
      await this.step(id, USER_TASK.decideClue, {
        result: dto.result,
        conclusion: dto.conclusion,
        decidedBy: caller.user,
      });
    });
    return { id, step: USER_TASK.decideClue, result: dto.result };
  }

  async list(query: ClueListQuery, caller: CallerInfo) {
    requireOrg(caller, BODY.disciplineCommission);
    const [rows, total] = await this.dataSource.getRepository(ClueEntity).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC' },
      skip: query.offset,
      take: query.limit,
    });
    return { total, items: rows.map(summaryView) };
  }

  async get(id: string, caller: CallerInfo) {
    requireOrg(caller, BODY.disciplineCommission);
    const c = await this.clue(id);
    const [notes, reminders] = await clueNotesAndReminders(
      this.dataSource,
      { note: ClueWorkingNoteEntity, reminder: ClueReminderEntity },
      id,
    );
    return {
      ...summaryView(c),
      ...receivedClueDetail(c, notes, reminders),
      jurisdiction: c.jurisdiction,
      forwardedTo: c.forwardedTo,
      resultLabel: c.result ? COMMISSION_RESULTS[c.result as keyof typeof COMMISSION_RESULTS] : null,
    };
  }

  private async clue(id: string): Promise<ClueEntity> {
    const c = await this.dataSource.getRepository(ClueEntity).findOneBy({ id });
    if (!c) throw notFound(CLUE, id);
    return c;
  }

  private async note(manager: EntityManager, id: string, step: string, caller: CallerInfo, note: string) {
    if (!(await manager.existsBy(ClueEntity, { id }))) throw notFound(CLUE, id);
    await manager.insert(ClueWorkingNoteEntity, {
      id: randomUUID(),
      clueId: id,
      step,
      author: caller.user,
      note,
    });
  }

  private step(id: string, taskKey: string, variables: PlainVariables) {
    const label = STEP_LABEL[taskKey];
    return completeUserTask(this.engine, {
      processDefinitionKey: PROCESS.commissionClueHandling,
      businessKey: id,
      taskKey,
      variables,
      notNow: {
        zh: `该线索当前不在“${label.zh}”环节，不能办理此操作。`,
        en: `The clue is not at the ${label.en} step; this action is not possible now.`,
      },
    });
  }
}

function summaryView(c: ClueEntity) {
  return {
    id: c.id,
    senderOrg: c.senderOrg,
    referenceNo: c.referenceNo,
    registrationNo: c.registrationNo,
    sourceType: c.sourceType,
    sourceLabel: CLUE_SOURCE_TYPES[c.sourceType],
    sourceRef: c.sourceRef,
    status: c.status,
    statusLabel: CLUE_STATUS_LABEL[c.status],
    disposal: c.disposal,
    disposalLabel: c.disposal ? CLUE_DISPOSALS[c.disposal] : null,
    forwardDueAt: c.forwardDueAt?.toISOString() ?? null,
    jurisdictionOverdueAt: c.jurisdictionOverdueAt?.toISOString() ?? null,
    statusDueAt: c.feedbackDue.status.dueAt,
    resultDueAt: c.feedbackDue.result.dueAt,
    createdAt: c.createdAt.toISOString(),
  };
}
