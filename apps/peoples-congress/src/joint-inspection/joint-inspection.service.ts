import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { citation, feedbackSchedule } from '@oversight/clue-referral';
import {
  BODY,
  ClueReferralSentV1,
  InspectionRectificationOrderedV1,
  JointInspectionClosedV1,
  JointInspectionUnitResult,
  missingClueReferralParts,
  ORGANISATIONS,
  PROCESS,
  SUPERVISION_SOURCE,
  SupervisionCaseRequestedV1,
  TOPIC,
  TRANSFER_KIND,
  USER_TASK,
} from '@oversight/contracts';
import { documentNumber, nextDocumentSeq, readSnapshot } from '@oversight/database';
import { beijingDate, dueAt, endOfBeijingDay } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import {
  CallerInfo,
  checkUploadedFile,
  completeUserTask,
  conflict,
  FILE_TYPE,
  notFound,
  requireOrg,
  ROLE,
  unprocessable,
  UploadedFileData,
  UploadRules,
} from '@oversight/platform';
import { EngineClient } from '@oversight/workflow';
import { CLUE_REFERRAL_RULES, RECTIFICATION_RULE, TEAM_RULE } from './deadline-rules';
import {
  AssignTeamDto,
  DisposeFindingDto,
  PlanInspectionDto,
  RecordFindingDto,
  RectificationReportDto,
} from './joint-inspection.dto';
import {
  FindingSeverity,
  InspectionEvidenceEntity,
  InspectionFindingEntity,
  InspectionFindingStepEntity,
  InspectionNoticeEntity,
  JointInspectionEntity,
} from './joint-inspection.entity';
import { recordFindingTransfer } from './inspection-transfer.util';

export const INSPECTION = { zh: '执法检查', en: 'Joint inspection' };
export const FINDING = { zh: '检查发现的问题', en: 'Inspection finding' };
const EVIDENCE = { zh: '证据材料', en: 'Evidence' };
const INSPECTED_KINDS = ['agency', 'town', 'police'];
export const MAX_EVIDENCE_FILES = 10;
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const EVIDENCE_RULES: UploadRules = {
  maxBytes: MAX_EVIDENCE_BYTES,
  types: [FILE_TYPE.pdf, FILE_TYPE.jpeg, FILE_TYPE.png, FILE_TYPE.docx],
  noun: { zh: '证据材料', en: 'Evidence file' },
  resubmitZh: '上传',
  decodeName: true,
};

/** Closed for the inspection: the agency rectified, the bureau closed its case, or the clue was handed over. */
export const isSettled = (f: InspectionFindingEntity) => f.closedAt !== null;

/** One unit's counts in a closed inspection (for the assessment). */
function unitResult(unitCode: string, all: InspectionFindingEntity[]): JointInspectionUnitResult {
  const own = all.filter((f) => f.agencyCode === unitCode);
  const count = (ok: (f: InspectionFindingEntity) => boolean) => own.filter(ok).length;
  return {
    unitCode,
    findings: own.length,
    serious: count((f) => f.severity === 'serious'),
    supervisionCases: count((f) => f.disposition === 'supervision-case'),
    clueReferrals: count((f) => f.disposition === 'clue-referral'),
    rectifications: count((f) => f.disposition === 'rectification'),
    overdueRectifications: count((f) => f.disposition === 'rectification' && f.overdueAt !== null),
  };
}

/** The people's congress plans a joint inspection, its team records findings, and each is disposed of. */
@Injectable()
export class JointInspectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly engine: EngineClient,
  ) {}

  async plan(dto: PlanInspectionDto, caller: CallerInfo) {
    const startsAt = this.dayStart(dto.onSiteStartDate, 'onSiteStartDate');
    const endsAt = this.dayEnd(dto.onSiteEndDate, 'onSiteEndDate');
    if (endsAt <= startsAt) {
      throw unprocessable({
        zh: '现场检查结束日期不能早于开始日期。',
        en: 'The last on-site day cannot be before the first.',
      });
    }
    const duplicates = dto.targets.filter((c, i) => dto.targets.indexOf(c) !== i);
    if (duplicates.length > 0) {
      throw unprocessable({
        zh: `被检查单位重复：${[...new Set(duplicates)].join('、')}`,
        en: `Inspected units listed twice: ${[...new Set(duplicates)].join(', ')}`,
      });
    }
    const unknown = dto.targets.filter((c) => !ORGANISATIONS.some((o) => o.code === c));
    if (unknown.length > 0) {
      throw unprocessable({
        zh: `以下单位不存在：${unknown.join('、')}，请从单位列表中选择。`,
        en: `Unknown organisations: ${unknown.join(', ')}; choose from the organisation list.`,
      });
    }
    const targets = dto.targets.map((c) => ORGANISATIONS.find((o) => o.code === c)!);
    const others = targets.filter((o) => !INSPECTED_KINDS.includes(o.kind));
    if (others.length > 0) {
      throw unprocessable({
        zh: `以下单位不是行政执法部门或镇（区），不能作为被检查单位：${others.map((o) => o.name).join('、')}`,
        en: `Not an enforcement agency or town, so not inspected: ${others.map((o) => o.code).join(', ')}`,
      });
    }
    const id = randomUUID();
    await this.dataSource.getRepository(JointInspectionEntity).insert({
      id,
      title: dto.title,
      year: dto.year,
      field: dto.field,
      law: dto.law,
      leadBody: dto.leadBody,
      targets: targets.map((o) => ({ code: o.code, name: o.name, kind: o.kind })),
      onSiteStartsAt: startsAt,
      onSiteEndsAt: endsAt,
      inspectors: [],
      supervisors: [],
      status: 'open',
      createdBy: caller.user,
    });
    return this.inspectionView(id);
  }

  /** rd sees every inspection; the bureau and the procuratorate those their body sits on. */
  async list(caller: CallerInfo) {
    const rows = await this.dataSource
      .getRepository(JointInspectionEntity)
      .find({ order: { year: 'DESC', createdAt: 'DESC' } });
    return {
      items: rows
        .filter((i) => caller.org === BODY.peoplesCongress || i.inspectors.some((m) => m.org === caller.org))
        .map((i) => this.summary(i)),
    };
  }

  async get(id: string, caller: CallerInfo) {
    return this.inspectionView(id, (inspection) => this.requireTeamBody(inspection, caller));
  }

  async assignTeam(id: string, dto: AssignTeamDto) {
    const inspection = await this.inspection(id);
    this.requireOpen(inspection);
    const bodies: readonly string[] = TEAM_RULE.bodies;
    const strangers = dto.inspectors.filter((m) => !bodies.includes(m.org));
    if (strangers.length > 0) {
      throw unprocessable({
        zh: `检查组成员应来自县人大常委会、县司法局或县检察院：${strangers.map((m) => `${m.name}（${m.org}）`).join('、')}`,
        en: `Inspectors come from rd, sfj or jcy: ${strangers.map((m) => `${m.name} (${m.org})`).join(', ')}`,
      });
    }
    const missing = bodies.filter(
      (b) => dto.inspectors.filter((m) => m.org === b).length < TEAM_RULE.minPerBody,
    );
    if (missing.length > 0) {
      const names = missing.map((b) => ORGANISATIONS.find((o) => o.code === b)?.name ?? b);
      throw unprocessable({
        zh: `联合执法检查组须有${names.join('、')}的人员参加（${TEAM_RULE.basis}）。`,
        en: `A joint inspection team needs at least ${TEAM_RULE.minPerBody} member(s) from: ${missing.join(', ')}.`,
      });
    }
    await this.dataSource.getRepository(JointInspectionEntity).update(
      { id },
      {
        inspectors: dto.inspectors.map((m) => ({ name: m.name, org: m.org })),
        supervisors: (dto.supervisors ?? []).map((s) => ({ name: s.name, category: s.category })),
      },
    );
    return this.inspectionView(id);
  }

  /** On site only: the finding, its evidence and its first step, in one transaction. */
  async recordFinding(id: string, dto: RecordFindingDto, files: UploadedFileData[], caller: CallerInfo) {
    const inspection = await this.inspection(id);
    this.requireTeamBody(inspection, caller);
    this.requireOpen(inspection);
    const now = new Date();
    if (now < inspection.onSiteStartsAt || now > inspection.onSiteEndsAt) {
      throw conflict({
        zh: `现在不在现场检查期间（${this.window(inspection)}），不能登记检查发现的问题。`,
        en: `Findings are recorded during the on-site window only (${inspection.onSiteStartsAt.toISOString()} – ${inspection.onSiteEndsAt.toISOString()}).`,
      });
    }
    if (!inspection.targets.some((t) => t.code === dto.agencyCode)) {
      throw unprocessable({
        zh: `单位“${dto.agencyCode}”不在本次执法检查的被检查单位之列。`,
        en: `${dto.agencyCode} is not one of this inspection's inspected units.`,
      });
    }
    if (files.length > MAX_EVIDENCE_FILES) {
      throw unprocessable({
        zh: `每次最多上传${MAX_EVIDENCE_FILES}个文件，本次提交了${files.length}个。`,
        en: `At most ${MAX_EVIDENCE_FILES} files at a time; ${files.length} were sent.`,
      });
    }
    for (const file of files) checkUploadedFile(file, EVIDENCE_RULES);
    const findingId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(InspectionFindingEntity, {
        id: findingId,
        inspectionId: id,
        agencyCode: dto.agencyCode,
        problem: dto.problem,
        legalBasis: dto.legalBasis,
        severity: dto.severity as FindingSeverity,
        status: 'recorded',
        recordedBy: caller.user,
      });
      for (const file of files) {
        await manager.insert(InspectionEvidenceEntity, {
          id: randomUUID(),
          findingId,
          filename: Buffer.from(file.originalname, 'latin1').toString('utf8'),
          contentType: file.mimetype,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          content: file.buffer,
        });
      }
      await this.step(manager, findingId, 'recorded', { by: caller.user });
    });
    return this.findingViewOf(findingId);
  }

  async evidence(id: string, findingId: string, evidenceId: string, caller: CallerInfo) {
    const inspection = await this.inspection(id);
    this.requireTeamBody(inspection, caller);
    const row = await this.dataSource
      .getRepository(InspectionEvidenceEntity)
      .createQueryBuilder('e')
      .addSelect('e.content')
      .where('e.id = :evidenceId AND e.finding_id = :findingId', { evidenceId, findingId })
      .getOne();
    const finding = row ? await this.finding(findingId) : null;
    if (!row || finding?.inspectionId !== id) throw notFound(EVIDENCE, evidenceId);
    return row;
  }

  /** Turns a finding into a supervision case, a clue referral or a rectification notice. */
  async dispose(id: string, findingId: string, dto: DisposeFindingDto, caller: CallerInfo) {
    const inspection = await this.inspection(id);
    this.requireOpen(inspection);
    const now = new Date();
    let due: Date | null = null;
    if (dto.disposition === 'rectification') {
      due = dto.dueDate ? this.dayEnd(dto.dueDate, 'dueDate') : dueAt(RECTIFICATION_RULE, now);
      if (due <= now) {
        throw unprocessable({
          zh: '整改期限应晚于今天。',
          en: 'The rectification deadline must be in the future.',
        });
      }
    }
    // A clue leaves the congress for the commission only with the head's approval (the head signs the letter).
    if (dto.disposition === 'clue-referral') requireOrg(caller, BODY.peoplesCongress, ROLE.head);
    await this.dataSource.transaction(async (manager) => {
      const f = await manager.findOne(InspectionFindingEntity, {
        where: { id: findingId, inspectionId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!f) throw notFound(FINDING, findingId);
      if (f.disposition) {
        throw conflict({
          zh: '该问题已经作出处理，不能重复处理。',
          en: 'This finding has already been disposed of.',
        });
      }
      const agency = inspection.targets.find((t) => t.code === f.agencyCode)!;
      const subject = `执法检查发现问题：${inspection.title}（${agency.name}）`;
      const disposed = { ...f, disposition: dto.disposition };
      if (dto.disposition === 'supervision-case') {
        await manager.update(
          InspectionFindingEntity,
          { id: f.id },
          {
            disposition: dto.disposition,
            dispositionNote: dto.note ?? null,
            disposedAt: now,
            status: 'supervision-requested',
          },
        );
        await this.outbox.record<SupervisionCaseRequestedV1>(manager, {
          topic: TOPIC.supervisionCaseRequested,
          subject: f.id,
          data: {
            source: SUPERVISION_SOURCE.jointInspection,
            sourceRef: f.id,
            requestedBy: BODY.peoplesCongress,
            agencyCode: f.agencyCode,
            subject,
            facts: `${f.problem}（依据：${f.legalBasis}）${dto.note ? `；${dto.note}` : ''}`,
          },
        });
        await recordFindingTransfer(this.outbox, manager, disposed, {
          subject,
          status: 'supervision-requested',
          documents: [{ name: '行政执法监督案件立案建议' }],
        });
      } else if (dto.disposition === 'clue-referral') {
        await this.referClue(manager, f, dto, caller, now);
      } else {
        const rule = dto.dueDate
          ? {
              // A date the inspection team set itself: no period, only the date.
              ruleId: 'joint-inspection.rectification.team-date',
              length: 0,
              unit: 'natural-days' as const,
              basis: '执法检查组确定的整改期限',
            }
          : citation(RECTIFICATION_RULE);
        await manager.update(
          InspectionFindingEntity,
          { id: f.id },
          {
            disposition: dto.disposition,
            dispositionNote: dto.note ?? null,
            disposedAt: now,
            status: 'rectification-ordered',
            dueAt: due,
            dueRule: rule,
          },
        );
        await this.outbox.record<InspectionRectificationOrderedV1>(manager, {
          topic: TOPIC.inspectionRectificationOrdered,
          subject: f.id,
          data: { findingId: f.id, inspectionId: id, agencyCode: f.agencyCode, dueAt: due!.toISOString() },
        });
        await recordFindingTransfer(this.outbox, manager, disposed, {
          subject,
          status: 'rectification-ordered',
          dueAt: due!.toISOString(),
          basis: rule.basis,
          documents: [{ name: '整改通知书' }],
        });
      }
      await this.step(manager, f.id, `disposed:${dto.disposition}`, { by: caller.user });
    });
    this.outbox.kick();
    return this.findingViewOf(findingId);
  }

  /**
   * 问题线索移送函 to the discipline commission, on the commission's receiving side (ClueReferralSentV1 on
   * the congress's topic): the letter's number, the persons, the facts, the evidence list and the feedback
   * the congress expects. The finding is settled for the inspection; the clue is the commission's now.
   */
  private async referClue(
    manager: EntityManager,
    f: InspectionFindingEntity,
    dto: DisposeFindingDto,
    caller: CallerInfo,
    now: Date,
  ): Promise<void> {
    const evidence = await manager.find(InspectionEvidenceEntity, {
      where: { findingId: f.id },
      order: { createdAt: 'ASC' },
    });
    const subjects = (dto.subjects ?? []).map((s) => ({
      name: s.name,
      identity: s.identity,
      rank: s.rank,
      org: f.agencyCode,
      ...(s.position ? { position: s.position } : {}),
    }));
    const facts = `${f.problem}${dto.note ? `。${dto.note}` : ''}`;
    const missing = missingClueReferralParts({
      subjects,
      facts,
      legalBasis: f.legalBasis,
      suggestedDisposal: dto.suggestedDisposal,
      evidenceCount: evidence.length,
    });
    if (missing.length > 0) {
      throw unprocessable({
        zh: `问题线索移送函不完整：${missing.map((m) => m.zh).join('；')}。`,
        en: `The clue referral is incomplete: ${missing.map((m) => m.en).join('; ')}.`,
      });
    }
    const year = beijingDate(now).slice(0, 4);
    const referenceNo = documentNumber(
      '阳人常线移',
      year,
      await nextDocumentSeq(manager, 'peoples_congress', 'clue-referral', year),
    );
    const schedule = feedbackSchedule(CLUE_REFERRAL_RULES, now);
    await manager.update(
      InspectionFindingEntity,
      { id: f.id },
      {
        disposition: 'clue-referral',
        dispositionNote: dto.note ?? null,
        disposedAt: now,
        status: 'clue-referred',
        clueReferenceNo: referenceNo,
        closedAt: now,
      },
    );
    await this.outbox.record<ClueReferralSentV1>(manager, {
      topic: TOPIC.congressClueReferralSent,
      subject: f.id,
      data: {
        referralId: f.id,
        referenceNo,
        senderOrg: BODY.peoplesCongress,
        receiverOrg: BODY.disciplineCommission,
        sourceType: 'inspection',
        sourceRef: f.id,
        subjects,
        facts,
        legalBasis: f.legalBasis,
        suggestedDisposal: dto.suggestedDisposal ?? '',
        evidence: evidence.map((e, i) => ({
          itemNo: i + 1,
          description: `执法检查现场证据：${e.filename}`,
          filename: e.filename,
          contentType: e.contentType,
          size: e.size,
          sha256: e.sha256,
        })),
        approvedBy: caller.user,
        sentAt: now.toISOString(),
        feedbackDue: {
          receipt: { dueAt: schedule.receipt.dueAt, rule: schedule.receipt.rule },
          status: { dueAt: schedule.status.dueAt, rule: schedule.status.rule },
          result: { dueAt: schedule.result.dueAt, rule: schedule.result.rule },
        },
      },
    });
    // The same register row the commission's receipts and results move (kind clue-referral, referral id).
    await recordFindingTransfer(
      this.outbox,
      manager,
      { ...f, disposition: 'clue-referral' },
      {
        subject: `问题线索移送 ${referenceNo}（来源：执法检查）`,
        status: 'sent',
        dueAt: schedule.receipt.dueAt,
        basis: schedule.receipt.rule.basis,
        documents: [{ name: '问题线索移送函', ref: referenceNo }],
      },
      TRANSFER_KIND.clueReferral,
    );
  }

  /** The agency's own rectification notices. */
  async agencyFindings(caller: CallerInfo) {
    return readSnapshot(this.dataSource, async (m) => {
      const rows = await m.getRepository(InspectionFindingEntity).find({
        where: { agencyCode: caller.org ?? '', disposition: 'rectification' },
        order: { recordedAt: 'DESC' },
      });
      return { items: await this.findingViews(m, rows) };
    });
  }

  async rectify(findingId: string, dto: RectificationReportDto, caller: CallerInfo) {
    const found = await this.finding(findingId);
    if (found.agencyCode !== caller.org || found.disposition !== 'rectification') {
      throw notFound(FINDING, findingId);
    }
    await this.dataSource.transaction(async (manager) => {
      const f = await manager.findOne(InspectionFindingEntity, {
        where: { id: findingId },
        lock: { mode: 'pessimistic_write' },
      });
      if (f?.status !== 'rectification-ordered') {
        throw conflict({
          zh: '该问题的整改情况已经报告。',
          en: 'This rectification has already been reported.',
        });
      }
      const now = new Date();
      // Late if 督办 was raised (the engine's clock) or the deadline has passed.
      const late = f.overdueAt !== null || (f.dueAt !== null && now > f.dueAt);
      await manager.update(
        InspectionFindingEntity,
        { id: f.id },
        { status: 'rectified', rectificationReport: dto.report, rectifiedAt: now, closedAt: now },
      );
      await this.step(manager, f.id, 'rectified', { by: caller.user, late });
      await recordFindingTransfer(this.outbox, manager, f, {
        status: late ? 'rectified-late' : 'rectified',
        closed: true,
        overdue: late,
        documents: [{ name: '整改情况报告' }],
      });
      await completeUserTask(this.engine, {
        processDefinitionKey: PROCESS.jointInspection,
        businessKey: f.id,
        taskKey: USER_TASK.rectifyFinding,
        variables: { rectifiedBy: caller.user },
        notNow: {
          zh: '该整改通知当前不在等待整改环节（流程可能尚未启动，请稍后重试）。',
          en: 'The notice is not awaiting a rectification report (its process may not have started; retry shortly).',
        },
      });
    });
    this.outbox.kick();
    return this.findingViewOf(findingId);
  }

  /** Closes the inspection once every finding is settled; the report gets its number. */
  async close(id: string, caller: CallerInfo) {
    await this.dataSource.transaction(async (manager) => {
      const inspection = await manager.findOne(JointInspectionEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!inspection) throw notFound(INSPECTION, id);
      this.requireOpen(inspection);
      const findings = await manager.findBy(InspectionFindingEntity, { inspectionId: id });
      const open = findings.filter((f) => !isSettled(f));
      if (open.length > 0) {
        throw conflict({
          zh: `还有${open.length}个问题未办结（未处理、未整改或监督案件未结案），不能结束本次执法检查。`,
          en: `${open.length} finding(s) are still open (not disposed of, not rectified or case not closed).`,
        });
      }
      const seq = await nextDocumentSeq(
        manager,
        'peoples_congress',
        'joint-inspection-report',
        String(inspection.year),
      );
      const closedAt = new Date();
      const reportNumber = documentNumber('阳人常执检', String(inspection.year), seq);
      await manager.update(
        JointInspectionEntity,
        { id },
        { status: 'closed', closedAt, closedBy: caller.user, reportNumber },
      );
      await this.outbox.record<JointInspectionClosedV1>(manager, {
        topic: TOPIC.jointInspectionClosed,
        subject: id,
        data: {
          inspectionId: id,
          year: inspection.year,
          title: inspection.title,
          reportNumber,
          units: inspection.targets.map((t) => unitResult(t.code, findings)),
          closedAt: closedAt.toISOString(),
        },
      });
    });
    this.outbox.kick();
    return this.inspectionView(id);
  }

  async inspection(id: string, manager = this.dataSource.manager): Promise<JointInspectionEntity> {
    const row = await manager.getRepository(JointInspectionEntity).findOneBy({ id });
    if (!row) throw notFound(INSPECTION, id);
    return row;
  }

  async finding(id: string, manager = this.dataSource.manager): Promise<InspectionFindingEntity> {
    const row = await manager.getRepository(InspectionFindingEntity).findOneBy({ id });
    if (!row) throw notFound(FINDING, id);
    return row;
  }

  async findingsOf(
    inspectionId: string,
    manager = this.dataSource.manager,
  ): Promise<InspectionFindingEntity[]> {
    return manager
      .getRepository(InspectionFindingEntity)
      .find({ where: { inspectionId }, order: { agencyCode: 'ASC', recordedAt: 'ASC' } });
  }

  summary(i: JointInspectionEntity) {
    return {
      id: i.id,
      title: i.title,
      year: i.year,
      field: i.field,
      law: i.law,
      leadBody: i.leadBody,
      status: i.status,
      onSiteStartsAt: i.onSiteStartsAt.toISOString(),
      onSiteEndsAt: i.onSiteEndsAt.toISOString(),
      reportNumber: i.reportNumber,
      closedAt: i.closedAt?.toISOString() ?? null,
    };
  }

  /** The inspection with its findings, read in one snapshot; `check` may refuse the caller first. */
  inspectionView(id: string, check?: (inspection: JointInspectionEntity) => void) {
    return readSnapshot(this.dataSource, async (m) => {
      const i = await this.inspection(id, m);
      check?.(i);
      return {
        ...this.summary(i),
        targets: i.targets,
        inspectors: i.inspectors,
        supervisors: i.supervisors,
        findings: await this.findingViews(m, await this.findingsOf(i.id, m)),
      };
    });
  }

  async findingViewOf(findingId: string) {
    return readSnapshot(this.dataSource, async (m) => {
      const [view] = await this.findingViews(m, [await this.finding(findingId, m)]);
      return view!;
    });
  }

  /** Views of findings with their evidence, steps and notice: three queries however many findings. */
  private async findingViews(m: EntityManager, findings: InspectionFindingEntity[]) {
    if (findings.length === 0) return [];
    const findingId = In(findings.map((f) => f.id));
    const [evidence, steps, notices] = await Promise.all([
      m.getRepository(InspectionEvidenceEntity).find({ where: { findingId }, order: { createdAt: 'ASC' } }),
      m.getRepository(InspectionFindingStepEntity).find({ where: { findingId }, order: { at: 'ASC' } }),
      m.getRepository(InspectionNoticeEntity).find({ where: { findingId } }),
    ]);
    return findings.map((f) =>
      this.findingView(
        f,
        evidence.filter((e) => e.findingId === f.id),
        steps.filter((s) => s.findingId === f.id),
        notices.find((n) => n.findingId === f.id) ?? null,
      ),
    );
  }

  private findingView(
    f: InspectionFindingEntity,
    evidence: InspectionEvidenceEntity[],
    steps: InspectionFindingStepEntity[],
    notice: InspectionNoticeEntity | null,
  ) {
    return {
      id: f.id,
      inspectionId: f.inspectionId,
      agencyCode: f.agencyCode,
      problem: f.problem,
      legalBasis: f.legalBasis,
      severity: f.severity,
      status: f.status,
      disposition: f.disposition,
      note: f.dispositionNote,
      clueReferenceNo: f.clueReferenceNo,
      dueAt: f.dueAt?.toISOString() ?? null,
      dueRule: f.dueRule,
      overdue: f.overdueAt !== null,
      notice: notice ? { id: notice.id, raisedAt: notice.raisedAt.toISOString() } : null,
      rectificationReport: f.rectificationReport,
      rectifiedAt: f.rectifiedAt?.toISOString() ?? null,
      supervisionCase: f.supervisionCaseNumber
        ? { number: f.supervisionCaseNumber, status: f.supervisionCaseStatus }
        : null,
      closed: f.closedAt !== null,
      processStarted: f.processInstanceId !== null,
      evidence: evidence.map((e) => ({
        id: e.id,
        filename: e.filename,
        contentType: e.contentType,
        size: e.size,
        sha256: e.sha256,
      })),
      clueResult: steps.find((s) => s.step === 'clue-result')?.detail ?? null,
      steps: steps.map((s) => ({ step: s.step, at: s.at.toISOString() })),
    };
  }

  /** Records a step once; false when it was there already (a redelivery). */
  async step(
    manager: EntityManager,
    findingId: string,
    step: string,
    detail: Record<string, unknown> | null = null,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO "peoples_congress"."joint_inspection_finding_step" (id, finding_id, step, detail)
       VALUES ($1, $2, $3, $4) ON CONFLICT (finding_id, step) DO NOTHING RETURNING id`,
      [randomUUID(), findingId, step, detail === null ? null : JSON.stringify(detail)],
    )) as unknown[];
    return rows.length > 0;
  }

  /** rd always; sfj and jcy only on inspections their body sits on. */
  private requireTeamBody(inspection: JointInspectionEntity, caller: CallerInfo): void {
    if (caller.org === BODY.peoplesCongress) return;
    if (!inspection.inspectors.some((m) => m.org === caller.org)) throw notFound(INSPECTION, inspection.id);
  }

  private requireOpen(inspection: JointInspectionEntity): void {
    if (inspection.status === 'closed') {
      throw conflict({ zh: '本次执法检查已经结束。', en: 'This inspection has been closed.' });
    }
  }

  private window(i: JointInspectionEntity): string {
    return `${beijingDate(i.onSiteStartsAt)}至${beijingDate(new Date(i.onSiteEndsAt.getTime() - 1))}`;
  }

  private dayEnd(day: string, field: string): Date {
    try {
      return endOfBeijingDay(day);
    } catch {
      throw unprocessable({ zh: `日期“${day}”无效。`, en: `${field} is not a valid date: ${day}` });
    }
  }

  /** 00:00 Beijing time of `day`. */
  private dayStart(day: string, field: string): Date {
    return new Date(this.dayEnd(day, field).getTime() - 24 * 3600_000);
  }
}
