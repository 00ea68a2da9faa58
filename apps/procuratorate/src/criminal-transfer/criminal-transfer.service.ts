import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  BODY,
  CriminalCaseRegisteredV1,
  CriminalCaseStep,
  PROCESS,
  TOPIC,
  TRANSFER_KIND,
  TransferChangedV1,
  USER_TASK,
} from '@oversight/contracts';
import { readSnapshot } from '@oversight/database';
import { OutboxService } from '@oversight/messaging';
import {
  Bilingual,
  CallerInfo,
  completeUserTask,
  conflict,
  forbidden,
  notFound,
  payloadTooLarge,
  unprocessable,
} from '@oversight/platform';
import { EngineClient, PlainVariables } from '@oversight/workflow';
import {
  CriminalTransferDocumentEntity,
  CriminalTransferEntity,
  CriminalTransferNoticeEntity,
  CriminalTransferStepEntity,
  TransferStatus,
} from './criminal-transfer.entity';
import {
  AgencyResponseDto,
  DOCUMENT_KINDS,
  DocumentKind,
  FilingDecisionDto,
  HeadDecisionDto,
  NoteDto,
  PoliceReasonsDto,
  ReasonsAssessmentDto,
  ReceiptDto,
  ReconsiderationDecisionDto,
  RegisterTransferDto,
  REQUIRED_DOCUMENTS,
  SupervisionReviewDto,
  TransferListQuery,
} from './criminal-transfer.dto';
import { CRIMINAL_TRANSFER_RULES, TimedStep } from './deadline-rules';
import { dueVariables, StepDue, stepDue } from './due.util';
import { PenaltyCaseEntity, TransferSuggestionEntity } from './penalty-case.entity';
import { recordStep, recordTransferChange, transferChange } from './transfer-events.util';

export const TRANSFER = { zh: '涉嫌犯罪案件移送', en: 'Criminal-case transfer' };
const HEAD = 'head';
/** Bodies that are not enforcement agencies: they cannot register a transfer. */
const NOT_AGENCIES: string[] = Object.values(BODY);
/** Supervising bodies that see every transfer. */
const SEE_ALL: string[] = [BODY.procuratorate, BODY.justiceBureau, BODY.peoplesCongress];
export const MAX_DOCUMENTS = 20;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Accepted document types, recognised by their leading bytes. */
const TYPES: { contentType: string; label: string; magic: number[] }[] = [
  { contentType: 'application/pdf', label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46] },
  { contentType: 'image/jpeg', label: 'JPEG', magic: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47] },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (docx)',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
];

export interface UploadedFileData {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export const STATUS_LABEL: Record<TransferStatus, Bilingual> = {
  'awaiting-head': { zh: '待负责人审批', en: 'Awaiting the head’s decision' },
  'refused-by-head': { zh: '负责人不批准移送', en: 'Transfer refused by the head' },
  approved: { zh: '已批准，待移送', en: 'Approved, to be transferred' },
  transferred: { zh: '已移送，待公安机关签收', en: 'Transferred, awaiting the police receipt' },
  received: { zh: '公安机关已接受，待立案审查', en: 'Accepted by the police, filing under review' },
  filed: { zh: '已立案，待移交涉案物品', en: 'Case opened, exhibits to be handed over' },
  'not-filed': { zh: '不予立案', en: 'Police refused to open a case' },
  reconsideration: { zh: '复议中', en: 'Under reconsideration' },
  'reconsideration-upheld': { zh: '复议维持不予立案', en: 'Refusal upheld on reconsideration' },
  supervision: { zh: '检察院审查立案监督建议', en: 'Procuratorate reviewing the supervision proposal' },
  'reasons-requested': { zh: '要求公安机关说明不立案理由', en: 'Police asked to explain the refusal' },
  'reasons-given': { zh: '检察院审查不立案理由', en: 'Procuratorate assessing the police’s reasons' },
  'filing-notified': { zh: '已通知公安机关立案', en: 'Police notified to open the case' },
  closed: { zh: '已办结', en: 'Closed' },
};

type Actor = 'agency' | 'agency-head' | 'police' | 'procuratorate';

interface Advance {
  task: string;
  actor: Actor;
  notNow: Bilingual;
  step: CriminalCaseStep;
  decision?: string;
  reasons?: string | null;
  status?: TransferStatus;
  /** The next user task; timed when it has a rule, null when the process goes on to close. */
  next: string | null;
  /** Extra columns to store. */
  patch?: Partial<CriminalTransferEntity>;
  variables: PlainVariables;
  /** Further transfers for liaison (e.g. the 立案监督 between procuratorate and police). */
  changes?: (t: CriminalTransferEntity, due: StepDue | null) => TransferChangedV1[];
  check?: (t: CriminalTransferEntity, manager: EntityManager) => Promise<void>;
}

const isTimed = (step: string | null): step is TimedStep =>
  step !== null && Object.prototype.hasOwnProperty.call(CRIMINAL_TRANSFER_RULES, step);

/**
 * The handoff desk for all three parties. Every action locks the transfer, checks who acts, stores the
 * step, records its events in the outbox and completes the process's user task in one transaction: an
 * action the process is not waiting for is a 409 and leaves nothing behind.
 */
@Injectable()
export class CriminalTransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly engine: EngineClient,
  ) {}

  async register(dto: RegisterTransferDto, caller: CallerInfo) {
    const agency = caller.org;
    if (!agency || NOT_AGENCIES.includes(agency)) {
      throw forbidden({
        zh: '只有行政执法机关可以登记涉嫌犯罪案件。',
        en: 'Only an enforcement agency may register a suspected-crime case.',
      });
    }
    const id = randomUUID();
    const reportedAt = new Date();
    const due = stepDue('head-decision', reportedAt);
    const policeOrg = dto.policeOrg ?? BODY.police;
    await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(CriminalTransferEntity, { agencyOrg: agency, caseNo: dto.caseNo })) {
        throw conflict({
          zh: `案件“${dto.caseNo}”已登记移送。`,
          en: `Case ${dto.caseNo} is registered for transfer already.`,
        });
      }
      if (dto.penaltyCaseId) {
        const penalty = await manager.findOne(PenaltyCaseEntity, {
          where: { id: dto.penaltyCaseId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!penalty || penalty.agencyOrg !== agency) {
          throw unprocessable({
            zh: '所指行政处罚案件不存在或不属于本单位。',
            en: 'The penalty case does not exist or belongs to another agency.',
          });
        }
        if (penalty.transferId) {
          throw conflict({ zh: '该处罚案件已移送。', en: 'That penalty case was transferred already.' });
        }
        await manager.update(PenaltyCaseEntity, { id: penalty.id }, { transferId: id });
        const suggestion = await manager.findOneBy(TransferSuggestionEntity, { penaltyCaseId: penalty.id });
        if (suggestion) {
          await recordTransferChange(this.outbox, manager, {
            kind: TRANSFER_KIND.transferSuggestion,
            sourceRef: suggestion.id,
            sender: BODY.procuratorate,
            receiver: agency,
            status: 'transferred',
            closed: true,
          });
        }
      }
      await manager.insert(CriminalTransferEntity, {
        id,
        caseNo: dto.caseNo,
        agencyOrg: agency,
        policeOrg,
        forwardedFrom: [],
        title: dto.title,
        suspectedOffence: dto.suspectedOffence,
        amountYuan: dto.amountYuan ?? null,
        facts: dto.facts,
        team: dto.team.map((m) => ({ name: m.name, certificateNo: m.certificateNo })),
        report: dto.report,
        reportedAt,
        penaltyCaseId: dto.penaltyCaseId ?? null,
        status: 'awaiting-head',
        currentStep: 'head-decision',
        dueAt: due.dueAt,
        escalateAt: due.escalateAt,
        dueRule: due.rule,
        copiedTo: [],
        createdBy: caller.user,
      });
      await this.outbox.record<CriminalCaseRegisteredV1>(manager, {
        topic: TOPIC.criminalCaseRegistered,
        subject: id,
        data: { caseId: id, agencyOrg: agency, policeOrg, registeredAt: reportedAt.toISOString() },
      });
    });
    this.outbox.kick();
    return this.view(id);
  }

  /** Adds a document to the package; only before the transfer leaves. */
  async addDocument(id: string, kind: DocumentKind, file: UploadedFileData | undefined, caller: CallerInfo) {
    if (!file) {
      throw unprocessable({ zh: '请上传材料文件。', en: 'Upload the document file.' });
    }
    validateFile(file);
    const row = await this.dataSource.transaction(async (manager) => {
      const t = await this.locked(manager, id);
      this.requireActor(t, caller, 'agency');
      if (!['awaiting-head', 'approved'].includes(t.status)) {
        throw conflict({
          zh: '案件已移送或已终止，不能再补充移送材料。',
          en: 'The case has left or ended; its package can no longer change.',
        });
      }
      if ((await manager.countBy(CriminalTransferDocumentEntity, { transferId: id })) >= MAX_DOCUMENTS) {
        throw unprocessable({
          zh: `移送材料最多${MAX_DOCUMENTS}份。`,
          en: `At most ${MAX_DOCUMENTS} documents.`,
        });
      }
      const doc = {
        id: randomUUID(),
        transferId: id,
        kind,
        filename: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        contentType: file.mimetype,
        size: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
      };
      await manager.insert(CriminalTransferDocumentEntity, doc);
      return doc;
    });
    return documentView(row);
  }

  async documentFile(id: string, documentId: string, caller: CallerInfo) {
    const t = await this.load(id);
    this.requireReader(t, caller);
    const row = await this.dataSource
      .getRepository(CriminalTransferDocumentEntity)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :documentId AND d.transfer_id = :id', { documentId, id })
      .getOne();
    if (!row) throw notFound({ zh: '移送材料', en: 'Document' }, documentId);
    return row;
  }

  headDecision(id: string, dto: HeadDecisionDto, caller: CallerInfo) {
    const approve = dto.decision === 'approve';
    return this.advance(id, caller, {
      task: USER_TASK.headDecision,
      actor: 'agency-head',
      notNow: {
        zh: '该案件当前不在“负责人审批”环节。',
        en: 'The case is not awaiting the head’s decision.',
      },
      step: 'head-decision',
      decision: dto.decision,
      reasons: dto.reasons ?? null,
      status: approve ? 'approved' : 'refused-by-head',
      next: approve ? USER_TASK.transferToPolice : null,
      patch: approve ? {} : { headReasons: dto.reasons ?? null, outcome: 'refused-by-head' },
      variables: { headDecision: dto.decision },
    });
  }

  /** 移送: refused with 422 until the package holds every required document (Decree 310 Art. 6). */
  transfer(id: string, caller: CallerInfo) {
    return this.advance(id, caller, {
      task: USER_TASK.transferToPolice,
      actor: 'agency',
      notNow: {
        zh: '该案件当前不在“向公安机关移送”环节（须先经负责人批准）。',
        en: 'The case is not at the transfer step (the head must approve it first).',
      },
      step: 'head-decision',
      next: 'sending',
      variables: {},
      check: async (t, manager) => {
        if (t.status !== 'approved' || t.currentStep !== USER_TASK.transferToPolice) {
          throw conflict({
            zh: '该案件当前不在“向公安机关移送”环节（须先经负责人批准）。',
            en: 'The case is not at the transfer step (the head must approve it first).',
          });
        }
        const docs = await manager.findBy(CriminalTransferDocumentEntity, { transferId: t.id });
        const missing = REQUIRED_DOCUMENTS.filter((k) => !docs.some((d) => d.kind === k));
        if (missing.length > 0) {
          throw unprocessable({
            zh: `移送材料不全，缺少：${missing.map((k) => DOCUMENT_KINDS[k].zh).join('、')}。`,
            en: `The package is incomplete; missing: ${missing.map((k) => DOCUMENT_KINDS[k].en).join(', ')}.`,
          });
        }
      },
      silent: true,
    } as Advance & { silent: boolean });
  }

  receipt(id: string, dto: ReceiptDto, caller: CallerInfo) {
    const forward = dto.decision === 'forward';
    return this.advance(id, caller, {
      task: USER_TASK.policeReceipt,
      actor: 'police',
      notNow: { zh: '该案件当前不在“签收”环节。', en: 'The case is not awaiting the police receipt.' },
      step: forward ? 'forwarded' : 'receipt',
      decision: dto.decision,
      reasons: dto.reasons ?? null,
      status: forward ? 'transferred' : 'received',
      next: forward ? USER_TASK.policeReceipt : USER_TASK.filingDecision,
      variables: forward
        ? { receiptDecision: 'forward', policeOrg: dto.forwardTo ?? null }
        : { receiptDecision: 'accept' },
      check: async (t) => {
        if (forward && dto.forwardTo === t.policeOrg) {
          throw unprocessable({
            zh: '不能移送给本机关。',
            en: 'The case cannot be forwarded to the organ that holds it.',
          });
        }
      },
      forwardTo: dto.forwardTo,
    } as Advance & { forwardTo?: string });
  }

  filingDecision(id: string, dto: FilingDecisionDto, caller: CallerInfo) {
    const file = dto.decision === 'file';
    return this.advance(id, caller, {
      task: USER_TASK.filingDecision,
      actor: 'police',
      notNow: { zh: '该案件当前不在“立案审查”环节。', en: 'The case is not awaiting the filing decision.' },
      step: 'filing-decision',
      decision: dto.decision,
      reasons: dto.reasons ?? null,
      status: file ? 'filed' : 'not-filed',
      next: file ? USER_TASK.exhibitHandover : USER_TASK.agencyResponse,
      patch: { filingDecision: dto.decision, filingReasons: dto.reasons ?? null },
      variables: { filingDecision: dto.decision },
    });
  }

  exhibits(id: string, dto: NoteDto, caller: CallerInfo) {
    return this.advance(id, caller, {
      task: USER_TASK.exhibitHandover,
      actor: 'agency',
      notNow: {
        zh: '该案件当前不在“移交涉案物品”环节（须公安机关已立案）。',
        en: 'The case is not at the exhibit handover (the police must have opened a case).',
      },
      step: 'exhibits-handed-over',
      reasons: dto.note ?? null,
      next: null,
      patch: { outcome: 'filed' },
      variables: {},
    });
  }

  /**
   * After 不予立案 (agency-response) or after the refusal was upheld (supervision-proposal): reconsider,
   * propose 立案监督, or accept and handle the case administratively (Art. 9, 10).
   */
  async agencyResponse(id: string, dto: AgencyResponseDto, caller: CallerInfo) {
    const t = await this.load(id);
    const task =
      t.currentStep === USER_TASK.supervisionProposal
        ? USER_TASK.supervisionProposal
        : USER_TASK.agencyResponse;
    if (task === USER_TASK.supervisionProposal && dto.response === 'reconsider') {
      throw conflict({
        zh: '复议已作出决定，不能再次提请复议；可建议检察院立案监督。',
        en: 'Reconsideration was decided already; propose 立案监督 to the procuratorate instead.',
      });
    }
    const step: CriminalCaseStep =
      dto.response === 'reconsider'
        ? 'reconsideration-requested'
        : dto.response === 'supervision'
          ? 'supervision-proposed'
          : 'administrative-handling';
    return this.advance(id, caller, {
      task,
      actor: 'agency',
      notNow: {
        zh: '该案件当前不在“不予立案后的处理”环节。',
        en: 'The case is not waiting for the agency’s response to a refusal.',
      },
      step,
      reasons: dto.reasons ?? null,
      status:
        dto.response === 'reconsider'
          ? 'reconsideration'
          : dto.response === 'supervision'
            ? 'supervision'
            : undefined,
      next:
        dto.response === 'reconsider'
          ? USER_TASK.reconsiderationDecision
          : dto.response === 'supervision'
            ? USER_TASK.supervisionReview
            : null,
      patch: dto.response === 'accept' ? { outcome: 'administrative-handling' } : {},
      variables: { agencyResponse: dto.response },
      changes: (tr) =>
        dto.response === 'supervision'
          ? [
              transferChange(
                tr,
                { status: 'proposed', documents: [{ name: '立案监督建议书' }] },
                TRANSFER_KIND.caseFilingSupervision,
                { sender: tr.agencyOrg, receiver: BODY.procuratorate },
              ),
            ]
          : [],
    });
  }

  reconsiderationDecision(id: string, dto: ReconsiderationDecisionDto, caller: CallerInfo) {
    const file = dto.decision === 'file';
    return this.advance(id, caller, {
      task: USER_TASK.reconsiderationDecision,
      actor: 'police',
      notNow: { zh: '该案件当前不在“复议”环节。', en: 'The case is not under reconsideration.' },
      step: 'reconsideration-decision',
      decision: dto.decision,
      reasons: dto.reasons ?? null,
      status: file ? 'filed' : 'reconsideration-upheld',
      next: file ? USER_TASK.exhibitHandover : USER_TASK.supervisionProposal,
      patch: { filingDecision: file ? 'file' : 'refuse', ...(file ? {} : { filingReasons: dto.reasons }) },
      variables: { reconsiderationDecision: dto.decision },
    });
  }

  supervisionReview(id: string, dto: SupervisionReviewDto, caller: CallerInfo) {
    const ask = dto.decision === 'request-reasons';
    return this.advance(id, caller, {
      task: USER_TASK.supervisionReview,
      actor: 'procuratorate',
      notNow: { zh: '该案件当前没有待审查的立案监督建议。', en: 'No 立案监督 proposal awaits review.' },
      step: ask ? 'reasons-requested' : 'supervision-closed',
      decision: dto.decision,
      reasons: dto.comment ?? null,
      status: ask ? 'reasons-requested' : undefined,
      next: ask ? USER_TASK.policeReasons : null,
      patch: ask ? {} : { outcome: 'supervision-declined' },
      variables: { supervisionDecision: dto.decision },
      changes: (tr, due) => [
        transferChange(
          tr,
          ask
            ? {
                status: 'reasons-requested',
                dueAt: due?.dueAt.toISOString(),
                basis: due?.rule.basis,
                documents: [{ name: '要求说明不立案理由通知书' }],
              }
            : { status: 'declined', closed: true },
          TRANSFER_KIND.caseFilingSupervision,
          {
            sender: ask ? BODY.procuratorate : tr.agencyOrg,
            receiver: ask ? tr.policeOrg : BODY.procuratorate,
          },
        ),
      ],
    });
  }

  policeReasons(id: string, dto: PoliceReasonsDto, caller: CallerInfo) {
    return this.advance(id, caller, {
      task: USER_TASK.policeReasons,
      actor: 'police',
      notNow: {
        zh: '检察院未要求就该案说明不立案理由。',
        en: 'The procuratorate has not asked for reasons in this case.',
      },
      step: 'reasons-given',
      reasons: dto.reasons,
      status: 'reasons-given',
      next: USER_TASK.reasonsAssessment,
      variables: {},
      changes: (tr) => [
        transferChange(
          tr,
          { status: 'reasons-given', documents: [{ name: '不立案理由说明书' }] },
          TRANSFER_KIND.caseFilingSupervision,
          { sender: BODY.procuratorate, receiver: tr.policeOrg },
        ),
      ],
    });
  }

  reasonsAssessment(id: string, dto: ReasonsAssessmentDto, caller: CallerInfo) {
    const notify = dto.decision === 'notify-filing';
    return this.advance(id, caller, {
      task: USER_TASK.reasonsAssessment,
      actor: 'procuratorate',
      notNow: { zh: '该案件当前没有待审查的不立案理由。', en: 'No reasons await assessment.' },
      step: notify ? 'filing-notified' : 'supervision-closed',
      decision: dto.decision,
      reasons: dto.comment ?? null,
      status: notify ? 'filing-notified' : undefined,
      next: notify ? USER_TASK.policeOpenCase : null,
      patch: notify ? {} : { outcome: 'reasons-accepted' },
      variables: { assessmentDecision: dto.decision },
      changes: (tr, due) => [
        transferChange(
          tr,
          notify
            ? {
                status: 'filing-notified',
                dueAt: due?.dueAt.toISOString(),
                basis: due?.rule.basis,
                documents: [{ name: '通知立案书' }],
              }
            : { status: 'reasons-accepted', closed: true },
          TRANSFER_KIND.caseFilingSupervision,
          { sender: BODY.procuratorate, receiver: tr.policeOrg },
        ),
      ],
    });
  }

  caseOpened(id: string, dto: NoteDto, caller: CallerInfo) {
    return this.advance(id, caller, {
      task: USER_TASK.policeOpenCase,
      actor: 'police',
      notNow: {
        zh: '检察院未通知就该案立案。',
        en: 'The procuratorate has not notified the police to open this case.',
      },
      step: 'case-opened',
      reasons: dto.note ?? null,
      status: 'filed',
      next: USER_TASK.exhibitHandover,
      patch: { filingDecision: 'file' },
      variables: {},
      changes: (tr) => [
        transferChange(
          tr,
          { status: 'case-opened', closed: true, documents: [{ name: '立案决定书' }] },
          TRANSFER_KIND.caseFilingSupervision,
          { sender: BODY.procuratorate, receiver: tr.policeOrg },
        ),
      ],
    });
  }

  async list(query: TransferListQuery, caller: CallerInfo) {
    const org = caller.org;
    if (!org) throw forbidden({ zh: '请提供所在单位。', en: 'Your organisation is required.' });
    const qb = this.dataSource.getRepository(CriminalTransferEntity).createQueryBuilder('t');
    if (!SEE_ALL.includes(org)) {
      qb.where('(t.agency_org = :org OR t.police_org = :org OR t.forwarded_from ? :org)', { org });
    }
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    const rows = await qb.orderBy('t.created_at', 'DESC').getMany();
    const now = new Date();
    const filtered = query.overdue ? rows.filter((r) => isOverdue(r, now)) : rows;
    filtered.sort((a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now)));
    return {
      total: filtered.length,
      items: filtered.slice(query.offset, query.offset + query.limit).map((r) => summaryView(r, now)),
    };
  }

  get(id: string, caller: CallerInfo) {
    return readSnapshot(this.dataSource, async (m) => {
      const t = await this.load(id, m);
      this.requireReader(t, caller);
      return this.viewOf(m, t);
    });
  }

  view(id: string) {
    return readSnapshot(this.dataSource, async (m) => this.viewOf(m, await this.load(id, m)));
  }

  /** The transfer with its documents, steps and notices, all read in the snapshot `m`. */
  private async viewOf(m: EntityManager, t: CriminalTransferEntity) {
    const id = t.id;
    const [documents, steps, notices] = await Promise.all([
      m
        .getRepository(CriminalTransferDocumentEntity)
        .find({ where: { transferId: id }, order: { createdAt: 'ASC' } }),
      m
        .getRepository(CriminalTransferStepEntity)
        .find({ where: { transferId: id }, order: { occurredAt: 'ASC' } }),
      m
        .getRepository(CriminalTransferNoticeEntity)
        .find({ where: { transferId: id }, order: { raisedAt: 'ASC' } }),
    ]);
    const now = new Date();
    return {
      ...summaryView(t, now),
      facts: t.facts,
      team: t.team,
      report: t.report,
      reportedAt: t.reportedAt.toISOString(),
      penaltyCaseId: t.penaltyCaseId,
      forwardedFrom: t.forwardedFrom,
      headReasons: t.headReasons,
      filingDecision: t.filingDecision,
      filingReasons: t.filingReasons,
      copiedTo: t.copiedTo,
      copiedAt: t.copiedAt?.toISOString() ?? null,
      documents: documents.map(documentView),
      missingDocuments: REQUIRED_DOCUMENTS.filter((k) => !documents.some((d) => d.kind === k)).map((k) => ({
        kind: k,
        ...DOCUMENT_KINDS[k],
      })),
      steps: steps.map((s) => ({
        step: s.step,
        byOrg: s.byOrg,
        byUser: s.byUser,
        decision: s.decision,
        reasons: s.reasons,
        occurredAt: s.occurredAt.toISOString(),
      })),
      notices: notices.map((n) => ({
        step: n.step,
        level: n.level,
        responsibleOrg: n.responsibleOrg,
        dueAt: n.dueAt.toISOString(),
        raisedAt: n.raisedAt.toISOString(),
      })),
      processInstanceId: t.processInstanceId,
    };
  }

  private async advance(
    id: string,
    caller: CallerInfo,
    a: Advance & { silent?: boolean; forwardTo?: string },
  ) {
    await this.dataSource.transaction(async (manager) => {
      const t = await this.locked(manager, id);
      this.requireActor(t, caller, a.actor);
      await a.check?.(t, manager);
      const now = new Date();
      const due = isTimed(a.next) ? stepDue(a.next, now) : null;
      const patch: Partial<CriminalTransferEntity> = {
        ...(a.patch ?? {}),
        ...(a.status ? { status: a.status } : {}),
        currentStep: a.next,
        dueAt: due?.dueAt ?? null,
        escalateAt: due?.escalateAt ?? null,
        dueRule: due?.rule ?? null,
        overdueAt: null,
      };
      if (a.forwardTo) {
        patch.forwardedFrom = [...t.forwardedFrom, t.policeOrg];
        patch.policeOrg = a.forwardTo;
      }
      await manager.update(CriminalTransferEntity, { id }, patch as never);
      const after = { ...t, ...patch } as CriminalTransferEntity;
      if (!a.silent) {
        await manager.insert(CriminalTransferStepEntity, {
          id: randomUUID(),
          transferId: id,
          step: a.step,
          byOrg: caller.org as string,
          byUser: caller.user,
          decision: a.decision ?? null,
          reasons: a.reasons ?? null,
        });
        await recordStep(this.outbox, manager, id, a.step, caller.org as string, {
          decision: a.decision,
          reasons: a.reasons,
        });
        // The register shows the main transfer once it left the agency.
        if (t.transferredAt) {
          await recordTransferChange(
            this.outbox,
            manager,
            transferChange(after, {
              status: a.status ?? a.step,
              ...(due ? { dueAt: due.dueAt.toISOString(), basis: due.rule.basis } : {}),
              overdue: false,
            }),
          );
        }
      }
      for (const change of a.changes?.(after, due) ?? []) {
        await recordTransferChange(this.outbox, manager, change);
      }
      await completeUserTask(this.engine, {
        processDefinitionKey: PROCESS.criminalTransfer,
        businessKey: id,
        taskKey: a.task,
        variables: { ...a.variables, ...dueVariables(due), decidedBy: caller.user },
        notNow: a.notNow,
      });
    });
    this.outbox.kick();
    return this.view(id);
  }

  private requireActor(t: CriminalTransferEntity, caller: CallerInfo, actor: Actor): void {
    const org =
      actor === 'police' ? t.policeOrg : actor === 'procuratorate' ? BODY.procuratorate : t.agencyOrg;
    if (caller.org !== org) {
      throw forbidden({
        zh: '您所在单位无权办理此环节。',
        en: 'Your organisation may not perform this step.',
      });
    }
    if (actor === 'agency-head' && !caller.roles.includes(HEAD)) {
      throw forbidden({
        zh: '此操作须由单位负责人办理。',
        en: 'Only the head of the organisation may perform this action.',
      });
    }
  }

  private requireReader(t: CriminalTransferEntity, caller: CallerInfo): void {
    const org = caller.org ?? '';
    if (
      SEE_ALL.includes(org) ||
      org === t.agencyOrg ||
      org === t.policeOrg ||
      t.forwardedFrom.includes(org)
    ) {
      return;
    }
    throw notFound(TRANSFER, t.id);
  }

  private async load(id: string, manager = this.dataSource.manager): Promise<CriminalTransferEntity> {
    const t = await manager.getRepository(CriminalTransferEntity).findOneBy({ id });
    if (!t) throw notFound(TRANSFER, id);
    return t;
  }

  private async locked(manager: EntityManager, id: string): Promise<CriminalTransferEntity> {
    const t = await manager.findOne(CriminalTransferEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!t) throw notFound(TRANSFER, id);
    return t;
  }

  /** Transfers whose ids are given, for the penalty-case register. */
  async byIds(ids: string[]): Promise<CriminalTransferEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(CriminalTransferEntity).findBy({ id: In(ids) });
  }
}

function validateFile(file: UploadedFileData): void {
  if (file.size > MAX_DOCUMENT_BYTES) {
    throw payloadTooLarge({
      zh: `材料“${file.originalname}”超过10MB。`,
      en: `Document "${file.originalname}" exceeds 10 MB.`,
    });
  }
  const type = TYPES.find((t) => t.contentType === file.mimetype);
  if (!type || !type.magic.every((byte, i) => file.buffer[i] === byte)) {
    throw unprocessable({
      zh: `材料“${file.originalname}”的格式不受支持，仅接受 ${TYPES.map((t) => t.label).join('、')}。`,
      en: `Document "${file.originalname}" is not an accepted type; accepted: ${TYPES.map((t) => t.label).join(', ')}.`,
    });
  }
}

export function isOverdue(t: CriminalTransferEntity, now: Date): boolean {
  if (t.closedAt || !t.dueAt) return false;
  return t.dueAt.getTime() < now.getTime() || t.overdueAt !== null;
}

function summaryView(t: CriminalTransferEntity, now: Date) {
  return {
    id: t.id,
    caseNo: t.caseNo,
    referenceNo: t.referenceNo,
    title: t.title,
    suspectedOffence: t.suspectedOffence,
    amountYuan: t.amountYuan,
    agencyOrg: t.agencyOrg,
    policeOrg: t.policeOrg,
    status: t.status,
    statusLabel: STATUS_LABEL[t.status],
    currentStep: t.currentStep,
    dueAt: t.dueAt?.toISOString() ?? null,
    escalateAt: t.escalateAt?.toISOString() ?? null,
    dueRule: t.dueRule,
    overdue: isOverdue(t, now),
    overdueAt: t.overdueAt?.toISOString() ?? null,
    escalatedAt: t.escalatedAt?.toISOString() ?? null,
    transferredAt: t.transferredAt?.toISOString() ?? null,
    outcome: t.outcome,
    closedAt: t.closedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

function documentView(
  d: Omit<CriminalTransferDocumentEntity, 'content' | 'createdAt'> & { createdAt?: Date },
) {
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: DOCUMENT_KINDS[d.kind as DocumentKind] ?? null,
    filename: d.filename,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
  };
}
