import { Injectable } from '@nestjs/common';
import { citation } from '@oversight/clue-referral';
import { isUniqueViolation } from '@oversight/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnnualReportDeliberatedV1,
  BODY,
  PROCESS,
  TOPIC,
  TRANSFER_KIND,
  TransferChangedV1,
  transferKey,
  USER_TASK,
} from '@oversight/contracts';
import { dueAt, endOfBeijingDay } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import {
  CallerInfo,
  checkUploadedFile,
  completeUserTask,
  conflict,
  FILE_TYPE,
  notFound,
  unprocessable,
  UploadedFileData,
  UploadRules,
} from '@oversight/platform';
import { EngineClient } from '@oversight/workflow';
import { DELIBERATION_REPLY_RULE } from './deadline-rules';
import {
  DeliberationDto,
  DeliberationReplyDto,
  REPORT_KINDS,
  SubmitAnnualReportDto,
} from './annual-report.dto';
import { AnnualReportEntity, AnnualReportKind } from './annual-report.entity';

const REPORT = { zh: '年度报告', en: 'Annual report' };
export const MAX_REPORT_BYTES = 30 * 1024 * 1024;
const REPORT_RULES: UploadRules = {
  maxBytes: MAX_REPORT_BYTES,
  types: [FILE_TYPE.pdf],
  noun: { zh: '报告文件', en: 'Report file' },
  resubmitZh: '提交',
  decodeName: true,
};

/** Liaison's view of deliberation opinions awaiting the bureau's reply (rd → sfj). */
export async function recordOpinionTransfer(
  outbox: OutboxService,
  manager: EntityManager,
  reportId: string,
  change: Omit<TransferChangedV1, 'kind' | 'sourceRef' | 'sender' | 'receiver'>,
): Promise<void> {
  const data: TransferChangedV1 = {
    kind: TRANSFER_KIND.deliberationOpinion,
    sourceRef: reportId,
    sender: BODY.peoplesCongress,
    receiver: BODY.justiceBureau,
    ...change,
  };
  await outbox.record<TransferChangedV1>(manager, {
    topic: TOPIC.transferChanged,
    subject: transferKey(data),
    data,
  });
}

/** Annual reports to the standing committee, its deliberation opinions and the bureau's reply. */
@Injectable()
export class AnnualReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly engine: EngineClient,
  ) {}

  async submit(dto: SubmitAnnualReportDto, file: UploadedFileData | undefined, caller: CallerInfo) {
    if (!file) {
      throw unprocessable({ zh: '请上传报告文件（PDF）。', en: 'Attach the report as a PDF file.' });
    }
    checkUploadedFile(file, REPORT_RULES);
    const kind = dto.kind as AnnualReportKind;
    const id = randomUUID();
    try {
      await this.dataSource.getRepository(AnnualReportEntity).insert({
        id,
        year: dto.year,
        kind,
        title: dto.title ?? `阳新县${dto.year}年度${REPORT_KINDS[kind]}`,
        filename: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        contentType: file.mimetype,
        size: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        status: 'submitted',
        submittedBy: caller.user,
        submittedAt: new Date(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict({
          zh: `${dto.year}年度的${REPORT_KINDS[kind]}已经报送，不能重复报送。`,
          en: `The ${dto.year} ${kind} report has already been submitted.`,
        });
      }
      throw error;
    }
    return this.view(await this.report(id));
  }

  async list() {
    const rows = await this.dataSource
      .getRepository(AnnualReportEntity)
      .find({ order: { year: 'DESC', kind: 'ASC' } });
    return { items: rows.map((r) => this.view(r)) };
  }

  async get(id: string) {
    return this.view(await this.report(id));
  }

  async file(id: string) {
    const row = await this.dataSource
      .getRepository(AnnualReportEntity)
      .createQueryBuilder('r')
      .addSelect('r.content')
      .where('r.id = :id', { id })
      .getOne();
    if (!row) throw notFound(REPORT, id);
    return row;
  }

  async deliberate(id: string, dto: DeliberationDto, caller: CallerInfo) {
    const now = new Date();
    let due: Date;
    try {
      due = dto.replyDueDate ? endOfBeijingDay(dto.replyDueDate) : dueAt(DELIBERATION_REPLY_RULE, now);
    } catch {
      throw unprocessable({ zh: `日期“${dto.replyDueDate}”无效。`, en: `replyDueDate is not a valid date.` });
    }
    if (due <= now) {
      throw unprocessable({
        zh: '报告研究处理情况的期限应晚于今天。',
        en: 'The reply deadline must be in the future.',
      });
    }
    const rule = dto.replyDueDate
      ? {
          ruleId: 'annual-report.deliberation-reply.committee-date',
          length: 0,
          unit: 'natural-days' as const,
          basis: '常委会确定的期限',
        }
      : citation(DELIBERATION_REPLY_RULE);
    await this.dataSource.transaction(async (manager) => {
      const r = await this.locked(manager, id);
      if (r.status !== 'submitted') {
        throw conflict({
          zh: '该报告的审议意见已经交办。',
          en: 'Deliberation opinions on this report were recorded already.',
        });
      }
      await manager.update(
        AnnualReportEntity,
        { id },
        {
          status: 'deliberated',
          opinions: dto.opinions,
          deliberatedAt: now,
          deliberatedBy: caller.user,
          replyDueAt: due,
          dueRule: rule,
        },
      );
      await this.outbox.record<AnnualReportDeliberatedV1>(manager, {
        topic: TOPIC.annualReportDeliberated,
        subject: id,
        data: { reportId: id, year: r.year, replyDueAt: due.toISOString() },
      });
      await recordOpinionTransfer(this.outbox, manager, id, {
        subject: `${r.title}：常委会审议意见`,
        status: 'opinions-sent',
        dueAt: due.toISOString(),
        basis: rule.basis,
        documents: [{ name: '审议意见' }],
      });
    });
    this.outbox.kick();
    return this.view(await this.report(id));
  }

  async reply(id: string, dto: DeliberationReplyDto, caller: CallerInfo) {
    await this.dataSource.transaction(async (manager) => {
      const r = await this.locked(manager, id);
      if (r.status !== 'deliberated') {
        throw conflict({
          zh: r.status === 'replied' ? '该审议意见已经报告研究处理情况。' : '常委会尚未交办审议意见。',
          en:
            r.status === 'replied'
              ? 'The reply has already been made.'
              : 'No deliberation opinions await a reply.',
        });
      }
      const now = new Date();
      // Late if the timer flagged it (the engine's clock) or the deadline has passed.
      const late = r.replyLateAt !== null || (r.replyDueAt !== null && now > r.replyDueAt);
      await manager.update(
        AnnualReportEntity,
        { id },
        { status: 'replied', reply: dto.reply, repliedAt: now },
      );
      await recordOpinionTransfer(this.outbox, manager, id, {
        status: late ? 'replied-late' : 'replied',
        closed: true,
        overdue: late,
        documents: [{ name: '审议意见研究处理情况的报告' }],
      });
      await completeUserTask(this.engine, {
        processDefinitionKey: PROCESS.annualReport,
        businessKey: id,
        taskKey: USER_TASK.bureauReply,
        variables: { repliedBy: caller.user },
        notNow: {
          zh: '该审议意见当前不在等待答复环节（流程可能尚未启动，请稍后重试）。',
          en: 'The opinions are not awaiting a reply (the process may not have started; retry shortly).',
        },
      });
    });
    this.outbox.kick();
    return this.view(await this.report(id));
  }

  private async locked(manager: EntityManager, id: string): Promise<AnnualReportEntity> {
    const r = await manager.findOne(AnnualReportEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!r) throw notFound(REPORT, id);
    return r;
  }

  private async report(id: string): Promise<AnnualReportEntity> {
    const r = await this.dataSource.getRepository(AnnualReportEntity).findOneBy({ id });
    if (!r) throw notFound(REPORT, id);
    return r;
  }

  view(r: AnnualReportEntity) {
    return {
      id: r.id,
      year: r.year,
      kind: r.kind,
      title: r.title,
      file: { filename: r.filename, contentType: r.contentType, size: r.size, sha256: r.sha256 },
      status: r.status,
      submittedAt: r.submittedAt.toISOString(),
      opinions: r.opinions,
      deliberatedAt: r.deliberatedAt?.toISOString() ?? null,
      replyDueAt: r.replyDueAt?.toISOString() ?? null,
      dueRule: r.dueRule,
      reply: r.reply,
      repliedAt: r.repliedAt?.toISOString() ?? null,
      replyLate: r.replyLateAt !== null,
      processStarted: r.processInstanceId !== null,
    };
  }
}
