import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BODY, CLUE_SOURCE_TYPES, PROCESS, USER_TASK } from '@oversight/contracts';
import { CallerInfo, notFound, requireOrg } from '@oversight/platform';
import { EngineClient, PlainVariables } from '@oversight/workflow';
import { clueNotesAndReminders, completeUserTask, receivedClueDetail } from '@oversight/clue-referral';
import {
  BUREAU_MEASURES,
  BUREAU_RESULTS,
  BureauClueDecisionDto,
  BureauHandlingDto,
  BureauJurisdictionDto,
  ReceivedClueListQuery,
} from './received-clue.dto';
import {
  ReceivedClueEntity,
  ReceivedClueNoteEntity,
  ReceivedClueReminderEntity,
  ReceivedClueStatus,
} from './received-clue.entity';

const CLUE = { zh: '收到的问题线索', en: 'Received clue' };
const HEAD = 'head';

export const RECEIVED_STATUS_LABEL: Record<ReceivedClueStatus, { zh: string; en: string }> = {
  received: { zh: '已接收，待登记', en: 'Received, being registered' },
  registered: { zh: '已登记，待受理审查', en: 'Registered, awaiting the decision to keep it' },
  accepted: { zh: '已受理，监督办理中', en: 'Kept, being handled' },
  returned: { zh: '已退回移送机关', en: 'Returned to the sender' },
  handled: { zh: '已办理，待负责人决定', en: 'Handled, awaiting the head’s decision' },
  concluded: { zh: '已办结并反馈', en: 'Concluded and fed back' },
};

/**
 * The bureau's desk for clues the discipline commission referred to it: decide whether to keep it, handle
 * it by administrative supervision, decide. Working notes are written here, in the bureau's own tables,
 * and never travel; only the decisions go through the engine and back to the sender as feedback.
 */
@Injectable()
export class ReceivedClueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineClient,
  ) {}

  async decideJurisdiction(id: string, dto: BureauJurisdictionDto, caller: CallerInfo) {
    requireOrg(caller, BODY.justiceBureau);
    await this.clue(id);
    await this.step(id, USER_TASK.decideJurisdiction, {
      jurisdiction: dto.decision,
      jurisdictionRemark: dto.remark ?? null,
    });
    return { id, step: USER_TASK.decideJurisdiction, decision: dto.decision };
  }

  async handle(id: string, dto: BureauHandlingDto, caller: CallerInfo) {
    requireOrg(caller, BODY.justiceBureau);
    await this.dataSource.transaction(async (manager) => {
      await this.note(manager, id, USER_TASK.handleClue, caller, dto.workingNotes);
      // Inside the transaction: if the process is not at this step, the note is not kept either.
      await this.step(id, USER_TASK.handleClue, { measure: dto.measure });
    });
    return { id, step: USER_TASK.handleClue, measure: dto.measure };
  }

  async decide(id: string, dto: BureauClueDecisionDto, caller: CallerInfo) {
    requireOrg(caller, BODY.justiceBureau, HEAD);
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

  async list(query: ReceivedClueListQuery, caller: CallerInfo) {
    requireOrg(caller, BODY.justiceBureau);
    const [rows, total] = await this.dataSource.getRepository(ReceivedClueEntity).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC' },
      skip: query.offset,
      take: query.limit,
    });
    return { total, items: rows.map(summaryView) };
  }

  async get(id: string, caller: CallerInfo) {
    requireOrg(caller, BODY.justiceBureau);
    const c = await this.clue(id);
    const [notes, reminders] = await clueNotesAndReminders(
      this.dataSource,
      { note: ReceivedClueNoteEntity, reminder: ReceivedClueReminderEntity },
      id,
    );
    return {
      ...summaryView(c),
      ...receivedClueDetail(c, notes, reminders),
      jurisdiction: c.jurisdiction,
      measure: c.measure,
      measureLabel: c.measure ? BUREAU_MEASURES[c.measure as keyof typeof BUREAU_MEASURES] : null,
      resultLabel: c.result ? BUREAU_RESULTS[c.result as keyof typeof BUREAU_RESULTS] : null,
    };
  }

  private async clue(id: string): Promise<ReceivedClueEntity> {
    const c = await this.dataSource.getRepository(ReceivedClueEntity).findOneBy({ id });
    if (!c) throw notFound(CLUE, id);
    return c;
  }

  private async note(manager: EntityManager, id: string, step: string, caller: CallerInfo, note: string) {
    if (!(await manager.existsBy(ReceivedClueEntity, { id }))) throw notFound(CLUE, id);
    await manager.insert(ReceivedClueNoteEntity, {
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
      processDefinitionKey: PROCESS.bureauClueHandling,
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

const STEP_LABEL: Record<string, { zh: string; en: string }> = {
  [USER_TASK.decideJurisdiction]: { zh: '受理审查', en: 'jurisdiction' },
  [USER_TASK.handleClue]: { zh: '监督办理', en: 'handling' },
  [USER_TASK.decideClue]: { zh: '负责人决定', en: 'decision' },
};

function summaryView(c: ReceivedClueEntity) {
  return {
    id: c.id,
    senderOrg: c.senderOrg,
    referenceNo: c.referenceNo,
    registrationNo: c.registrationNo,
    sourceType: c.sourceType,
    sourceLabel: CLUE_SOURCE_TYPES[c.sourceType],
    sourceRef: c.sourceRef,
    status: c.status,
    statusLabel: RECEIVED_STATUS_LABEL[c.status],
    statusDueAt: c.feedbackDue.status.dueAt,
    resultDueAt: c.feedbackDue.result.dueAt,
    createdAt: c.createdAt.toISOString(),
  };
}
