import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  BODY,
  PROCESS,
  ProcuratorialOpinionSentV1,
  TOPIC,
  TRANSFER_KIND,
  TransferSuggestionSentV1,
  USER_TASK,
} from '@oversight/contracts';
import { dueAt, extend } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { CallerInfo, conflict, forbidden, notFound, requireOrg, unprocessable } from '@oversight/platform';
import { EngineClient } from '@oversight/workflow';
import { ProcuratorateConfig } from '../procuratorate.config';
import { OpinionDto, OpinionReplyDto, PenaltyCaseDto, SuggestionDto } from './criminal-transfer.dto';
import { ESCALATION_RULE, OPINION_REPLY_RULE } from './deadline-rules';
import { citation } from './due.util';
import {
  PenaltyCaseEntity,
  ProcuratorialOpinionEntity,
  TransferSuggestionEntity,
} from './penalty-case.entity';
import { completeUserTask } from './process-step.util';
import { recordTransferChange } from './transfer-events.util';

const NOT_AGENCIES: string[] = Object.values(BODY);
const PENALTY_CASE = { zh: '行政处罚案件', en: 'Penalty case' };
const OPINION = { zh: '检察意见', en: 'Procuratorial opinion' };

/**
 * The procuratorate's watch over the handoff: 应移未移 (penalty cases above the threshold that were not
 * transferred, with 建议移送) and the reverse handoff (检察意见 to an agency and its written reply).
 */
@Injectable()
export class HandoffWatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly engine: EngineClient,
    private readonly config: ProcuratorateConfig,
  ) {}

  /** An agency files a decided penalty case (its register of administrative penalties). */
  async filePenaltyCase(dto: PenaltyCaseDto, caller: CallerInfo) {
    const agency = caller.org;
    if (!agency || NOT_AGENCIES.includes(agency)) {
      throw forbidden({
        zh: '只有行政执法机关可以报送行政处罚案件。',
        en: 'Only an enforcement agency may file penalty cases.',
      });
    }
    const id = randomUUID();
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PenaltyCaseEntity)
      .values({ id, agencyOrg: agency, ...dto })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) {
      throw conflict({
        zh: `处罚案件“${dto.caseNo}”已报送。`,
        en: `Penalty case ${dto.caseNo} was filed already.`,
      });
    }
    return this.penaltyView(await this.penaltyCase(id));
  }

  /** 应移未移: cases at or above the threshold with no transfer, for the procuratorate. */
  async suspected(caller: CallerInfo) {
    requireOrg(caller, BODY.procuratorate);
    const rows = await this.dataSource
      .getRepository(PenaltyCaseEntity)
      .createQueryBuilder('p')
      .where('p.amount_yuan >= :threshold AND p.transfer_id IS NULL', {
        threshold: this.config.transferThresholdYuan,
      })
      .orderBy('p.amount_yuan', 'DESC')
      .getMany();
    const views = await Promise.all(rows.map((r) => this.penaltyView(r)));
    return { thresholdYuan: this.config.transferThresholdYuan, total: views.length, items: views };
  }

  /** 建议移送: once per case, only for a case that crossed the threshold and was not transferred. */
  async suggest(id: string, dto: SuggestionDto, caller: CallerInfo) {
    requireOrg(caller, BODY.procuratorate);
    await this.dataSource.transaction(async (manager) => {
      const p = await manager.findOne(PenaltyCaseEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!p) throw notFound(PENALTY_CASE, id);
      if (p.transferId) {
        throw conflict({
          zh: '该案件已移送公安机关。',
          en: 'The case was transferred to the police already.',
        });
      }
      if (p.amountYuan < this.config.transferThresholdYuan) {
        throw unprocessable({
          zh: `涉案金额未达到移送标准（${this.config.transferThresholdYuan}元）。`,
          en: `The amount is below the transfer threshold (${this.config.transferThresholdYuan} yuan).`,
        });
      }
      const suggestionId = randomUUID();
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(TransferSuggestionEntity)
        .values({ id: suggestionId, penaltyCaseId: id, reasons: dto.reasons, sentBy: caller.user })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) {
        throw conflict({
          zh: '已就该案件发出建议移送。',
          en: 'A transfer suggestion was sent for this case already.',
        });
      }
      const sentAt = new Date().toISOString();
      await this.outbox.record<TransferSuggestionSentV1>(manager, {
        topic: TOPIC.transferSuggestionSent,
        subject: suggestionId,
        data: {
          suggestionId,
          penaltyCaseId: id,
          agencyOrg: p.agencyOrg,
          caseNo: p.caseNo,
          amountYuan: p.amountYuan,
          thresholdYuan: this.config.transferThresholdYuan,
          reasons: dto.reasons,
          sentAt,
        },
      });
      await recordTransferChange(this.outbox, manager, {
        kind: TRANSFER_KIND.transferSuggestion,
        sourceRef: suggestionId,
        sender: BODY.procuratorate,
        receiver: p.agencyOrg,
        subject: `建议移送涉嫌犯罪案件（${p.caseNo}）`,
        status: 'suggested',
        documents: [{ name: '建议移送涉嫌犯罪案件函' }],
      });
    });
    this.outbox.kick();
    return this.penaltyView(await this.penaltyCase(id));
  }

  /** An agency's own penalty cases, with any suggestion the procuratorate sent. */
  async agencyPenaltyCases(caller: CallerInfo) {
    const org = caller.org ?? '';
    const where = org === BODY.procuratorate ? {} : { agencyOrg: org };
    const rows = await this.dataSource
      .getRepository(PenaltyCaseEntity)
      .find({ where, order: { createdAt: 'DESC' } });
    return { items: await Promise.all(rows.map((r) => this.penaltyView(r))) };
  }

  async sendOpinion(dto: OpinionDto, caller: CallerInfo) {
    requireOrg(caller, BODY.procuratorate);
    if (NOT_AGENCIES.includes(dto.agencyOrg)) {
      throw unprocessable({
        zh: '检察意见应发往行政执法机关。',
        en: 'A procuratorial opinion goes to an enforcement agency.',
      });
    }
    const id = randomUUID();
    const now = new Date();
    const due = dueAt(OPINION_REPLY_RULE, now);
    const escalateAt = extend(due, ESCALATION_RULE.length, ESCALATION_RULE.unit);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ProcuratorialOpinionEntity, {
        id,
        agencyOrg: dto.agencyOrg,
        subject: dto.subject,
        content: dto.content,
        sourceRef: dto.sourceRef ?? null,
        status: 'sent',
        dueAt: due,
        escalateAt,
        dueRule: citation(OPINION_REPLY_RULE),
        sentBy: caller.user,
      });
      await this.outbox.record<ProcuratorialOpinionSentV1>(manager, {
        topic: TOPIC.procuratorialOpinionSent,
        subject: id,
        data: {
          opinionId: id,
          agencyOrg: dto.agencyOrg,
          subject: dto.subject,
          replyDue: { dueAt: due.toISOString(), rule: citation(OPINION_REPLY_RULE) },
          sentAt: now.toISOString(),
        },
      });
      await recordTransferChange(this.outbox, manager, {
        kind: TRANSFER_KIND.reverseTransfer,
        sourceRef: id,
        sender: BODY.procuratorate,
        receiver: dto.agencyOrg,
        subject: `检察意见：${dto.subject}`,
        status: 'sent',
        dueAt: due.toISOString(),
        basis: OPINION_REPLY_RULE.basis,
        documents: [{ name: '检察意见书' }],
      });
    });
    this.outbox.kick();
    return this.opinionView(await this.opinion(id));
  }

  async reply(id: string, dto: OpinionReplyDto, caller: CallerInfo) {
    const o = await this.opinion(id);
    requireOrg(caller, o.agencyOrg);
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(ProcuratorialOpinionEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (locked?.status !== 'sent') {
        throw conflict({ zh: '该检察意见已回复。', en: 'This opinion was answered already.' });
      }
      const repliedAt = new Date();
      await manager.update(
        ProcuratorialOpinionEntity,
        { id },
        { status: 'replied', reply: dto.reply, repliedAt },
      );
      await recordTransferChange(this.outbox, manager, {
        kind: TRANSFER_KIND.reverseTransfer,
        sourceRef: id,
        sender: BODY.procuratorate,
        receiver: o.agencyOrg,
        status: 'replied',
        closed: true,
        overdue: false,
        documents: [{ name: '书面回复' }],
      });
      await completeUserTask(this.engine, {
        processDefinitionKey: PROCESS.procuratorialOpinion,
        businessKey: id,
        taskKey: USER_TASK.opinionReply,
        variables: { repliedBy: caller.user },
        notNow: {
          zh: '该检察意见当前不在“书面回复”环节（流程可能尚未启动，请稍后重试）。',
          en: 'The opinion is not awaiting a reply (its process may not have started yet; retry shortly).',
        },
      });
    });
    this.outbox.kick();
    return this.opinionView(await this.opinion(id));
  }

  async opinions(caller: CallerInfo) {
    const org = caller.org ?? '';
    const where = org === BODY.procuratorate ? {} : { agencyOrg: org };
    const rows = await this.dataSource
      .getRepository(ProcuratorialOpinionEntity)
      .find({ where, order: { createdAt: 'DESC' } });
    return { items: rows.map((o) => this.opinionView(o)) };
  }

  async getOpinion(id: string, caller: CallerInfo) {
    const o = await this.opinion(id);
    if (caller.org !== BODY.procuratorate && caller.org !== o.agencyOrg) throw notFound(OPINION, id);
    return this.opinionView(o);
  }

  private async penaltyCase(id: string) {
    const p = await this.dataSource.getRepository(PenaltyCaseEntity).findOneBy({ id });
    if (!p) throw notFound(PENALTY_CASE, id);
    return p;
  }

  private async penaltyView(p: PenaltyCaseEntity) {
    const suggestion = await this.dataSource
      .getRepository(TransferSuggestionEntity)
      .findOneBy({ penaltyCaseId: p.id });
    return {
      id: p.id,
      agencyOrg: p.agencyOrg,
      caseNo: p.caseNo,
      offence: p.offence,
      amountYuan: p.amountYuan,
      decidedOn: p.decidedOn,
      transferId: p.transferId,
      aboveThreshold: p.amountYuan >= this.config.transferThresholdYuan,
      suggestion: suggestion
        ? { id: suggestion.id, reasons: suggestion.reasons, sentAt: suggestion.sentAt.toISOString() }
        : null,
    };
  }

  private async opinion(id: string) {
    const o = await this.dataSource.getRepository(ProcuratorialOpinionEntity).findOneBy({ id });
    if (!o) throw notFound(OPINION, id);
    return o;
  }

  private opinionView(o: ProcuratorialOpinionEntity) {
    const now = new Date();
    return {
      id: o.id,
      agencyOrg: o.agencyOrg,
      subject: o.subject,
      content: o.content,
      sourceRef: o.sourceRef,
      status: o.status,
      dueAt: o.dueAt.toISOString(),
      escalateAt: o.escalateAt.toISOString(),
      dueRule: o.dueRule,
      overdue: o.status === 'sent' && (o.dueAt < now || o.overdueAt !== null),
      overdueAt: o.overdueAt?.toISOString() ?? null,
      escalatedAt: o.escalatedAt?.toISOString() ?? null,
      reply: o.reply,
      repliedAt: o.repliedAt?.toISOString() ?? null,
      processInstanceId: o.processInstanceId,
    };
  }
}
