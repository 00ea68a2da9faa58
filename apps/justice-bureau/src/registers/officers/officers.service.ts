import { Injectable } from '@nestjs/common';
import { beijingDate } from '@oversight/deadlines';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { documentNumber, nextDocumentSeq } from '@oversight/database';
import {
  CallerInfo,
  checkUploadedFile,
  conflict,
  FILE_TYPE,
  notFound,
  unprocessable,
  UploadedFileData,
  UploadRules,
} from '@oversight/platform';
import { OrganisationEntity } from '../../organisation/organisation.entity';
import { REGISTER_RULES } from '../register-rules';
import { reviewFindings } from './certificate-review.util';
import { isBureau, ownerScope, requireOrganisation, visibleTo } from '../register-scope.util';
import { isUniqueViolation } from '@oversight/database';
import {
  CertificateQuery,
  IssueCertificateDto,
  PeopleQuery,
  RegisterPersonDto,
  ReviewDecisionDto,
} from './officers.dto';
import {
  CertificateActionEntity,
  CertificateActionKind,
  CertificateStatus,
  EnforcementCertificateEntity,
  EnforcementPersonEntity,
  StaffingProofEntity,
} from './enforcement-person.entity';
import { ENFORCEMENT_KINDS } from '../../organisation/organisation.seed';

const PERSON = { zh: '执法人员', en: 'Enforcement person' };
const CERTIFICATE = { zh: '行政执法证', en: 'Enforcement certificate' };
/** Staffing proof: a PDF or a scan, up to 10 MB, checked by content. */
export const MAX_PROOF_BYTES = 10 * 1024 * 1024;
const PROOF_RULES: UploadRules = {
  maxBytes: MAX_PROOF_BYTES,
  types: [FILE_TYPE.pdf, FILE_TYPE.jpeg, FILE_TYPE.png],
  noun: { zh: '编制证明文件', en: 'Staffing proof' },
  resubmitZh: '上传',
  decodeName: true,
};

const STATUS_ZH: Record<CertificateStatus, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '吊销',
  cancelled: '注销',
};
const ACTION_STATUS: Partial<Record<CertificateActionKind, CertificateStatus>> = {
  suspend: 'suspended',
  reinstate: 'valid',
  revoke: 'revoked',
  cancel: 'cancelled',
};

export interface CertificateRow {
  id: string;
  number: string;
  status: CertificateStatus;
  statusName: string;
  issuedOn: string;
  expiresOn: string | null;
  statusChangedAt: string;
  personId: string;
  name: string;
  kind: string;
  org: string;
  orgName: string;
  personStatus: string;
  staffingProofs: number;
}

/** People in enforcement and their certificates (行政执法证): issue, suspend, revoke, annual clean-up. */
@Injectable()
export class OfficersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async register(dto: RegisterPersonDto, caller: CallerInfo) {
    try {
      return await this.insertPerson(dto, caller);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw conflict({
        zh: `本单位工号“${dto.staffNumber}”已登记。`,
        en: `Staff number "${dto.staffNumber}" is already registered in this organisation.`,
      });
    }
  }

  private insertPerson(dto: RegisterPersonDto, caller: CallerInfo) {
    return this.dataSource.transaction(async (m) => {
      const orgCode = isBureau(caller) ? dto.org : caller.org!;
      if (!orgCode) throw unprocessable({ zh: '请填写所在单位代码。', en: 'Name the organisation (org).' });
      if (!isBureau(caller) && dto.org && dto.org !== caller.org) {
        throw unprocessable({
          zh: '只能登记本单位人员。',
          en: 'An organisation may only register its own people.',
        });
      }
      await requireOrganisation(m, orgCode, [...ENFORCEMENT_KINDS]);
      if (
        dto.staffNumber &&
        (await m.countBy(EnforcementPersonEntity, { orgCode, staffNumber: dto.staffNumber }))
      ) {
        throw conflict({
          zh: `本单位工号“${dto.staffNumber}”已登记。`,
          en: `Staff number "${dto.staffNumber}" is already registered in this organisation.`,
        });
      }
      const id = randomUUID();
      await m.insert(EnforcementPersonEntity, {
        id,
        orgCode,
        name: dto.name,
        kind: dto.kind,
        staffNumber: dto.staffNumber ?? null,
        post: dto.post ?? null,
        staffingType: dto.staffingType ?? null,
        status: 'active',
        createdBy: caller.user,
      });
      return this.personView(m, id);
    });
  }

  async people(query: PeopleQuery, caller: CallerInfo) {
    const scope = ownerScope(caller);
    const rows = (await this.dataSource.query(
      `SELECT p.id FROM justice_bureau.enforcement_person p
        WHERE ($1::text IS NULL OR p.org_code = $1) AND ($2::text IS NULL OR p.kind = $2)
        ORDER BY p.org_code, p.name`,
      [scope ?? query.org ?? null, query.kind ?? null],
    )) as { id: string }[];
    return Promise.all(rows.map((r) => this.personView(this.dataSource.manager, r.id)));
  }

  async person(id: string, caller: CallerInfo) {
    await this.visiblePerson(this.dataSource.manager, id, caller);
    return this.personView(this.dataSource.manager, id);
  }

  depart(id: string, leftOn: string, caller: CallerInfo) {
    return this.dataSource.transaction(async (m) => {
      const p = await this.visiblePerson(m, id, caller, true);
      if (p.status === 'left')
        throw conflict({ zh: `${p.name}已登记离岗。`, en: `${p.name} has already left.` });
      await m.update(EnforcementPersonEntity, id, { status: 'left', leftAt: leftOn });
      return this.personView(m, id);
    });
  }

  uploadProof(id: string, file: UploadedFileData | undefined, caller: CallerInfo) {
    if (!file) {
      throw unprocessable({
        zh: '请选择编制证明文件（字段 file）。',
        en: 'Attach the staffing proof (field "file").',
      });
    }
    checkUploadedFile(file, PROOF_RULES);
    return this.dataSource.transaction(async (m) => {
      const p = await this.visiblePerson(m, id, caller, true);
      const proofId = randomUUID();
      await m.insert(StaffingProofEntity, {
        id: proofId,
        personId: p.id,
        filename: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        contentType: file.mimetype,
        size: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        uploadedBy: caller.user,
      });
      return this.personView(m, id);
    });
  }

  async proofContent(personId: string, proofId: string, caller: CallerInfo) {
    await this.visiblePerson(this.dataSource.manager, personId, caller);
    const row = await this.dataSource
      .getRepository(StaffingProofEntity)
      .createQueryBuilder('f')
      .addSelect('f.content')
      .where('f.id = :proofId AND f.person_id = :personId', { proofId, personId })
      .getOne();
    if (!row) throw notFound({ zh: '编制证明文件', en: 'Staffing proof' }, proofId);
    return row;
  }

  /** Only officers with staffing proof get a certificate (plan 四（二）1); never an auxiliary. */
  issue(personId: string, dto: IssueCertificateDto, caller: CallerInfo) {
    return this.dataSource.transaction(async (m) => {
      const p = await this.visiblePerson(m, personId, caller, true);
      if (p.kind !== 'officer') {
        throw unprocessable({
          zh: `${p.name}是执法辅助人员，执法辅助人员不得申领行政执法证。`,
          en: `${p.name} is an enforcement auxiliary; auxiliaries are never issued an enforcement certificate.`,
        });
      }
      if (p.status !== 'active') {
        throw unprocessable({
          zh: `${p.name}已离岗，不能申领行政执法证。`,
          en: `${p.name} has left the post and cannot be issued a certificate.`,
        });
      }
      if ((await m.countBy(StaffingProofEntity, { personId })) === 0) {
        throw unprocessable({
          zh: `${p.name}没有编制证明文件，不能申领行政执法证（${REGISTER_RULES.certificateNeedsStaffingProof.basis}）。请先上传编制证明文件。`,
          en: `${p.name} has no staffing proof on file; no certificate without it (plan 4.2.1). Upload the proof first.`,
        });
      }
      const inForce = await m.findOne(EnforcementCertificateEntity, {
        where: [
          { personId, status: 'valid' },
          { personId, status: 'suspended' },
        ],
      });
      if (inForce) {
        throw conflict({
          zh: `${p.name}已持有行政执法证${inForce.number}（${STATUS_ZH[inForce.status]}）。`,
          en: `${p.name} already holds certificate ${inForce.number} (${inForce.status}).`,
        });
      }
      const issuedOn = dto.issuedOn ?? beijingDate(new Date());
      const year = issuedOn.slice(0, 4);
      const number = documentNumber(
        '执法证',
        year,
        await nextDocumentSeq(m, 'justice_bureau', 'enforcement-certificate', year),
      );
      const id = randomUUID();
      await m.insert(EnforcementCertificateEntity, {
        id,
        personId,
        number,
        status: 'valid',
        issuedOn,
        expiresOn: dto.expiresOn ?? null,
        statusChangedAt: new Date(),
        issuedBy: caller.user,
      });
      await this.recordAction(
        m,
        id,
        'issue',
        null,
        REGISTER_RULES.certificateNeedsStaffingProof.basis,
        caller,
      );
      return this.certificateView(m, id);
    });
  }

  /** Suspend (暂扣), reinstate, revoke (吊销) or cancel (注销), each with reason and basis. */
  decide(
    certificateId: string,
    action: 'suspend' | 'reinstate' | 'revoke' | 'cancel',
    reason: string,
    basis: string,
    caller: CallerInfo,
  ) {
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockCertificate(m, certificateId);
      this.checkTransition(c, action);
      await this.apply(m, c, action, reason, basis, caller, null);
      return this.certificateView(m, certificateId);
    });
  }

  /** The annual clean-up (年度清理): certificates in force with a reason to look at them again. */
  async reviewList(year: number, asOf: string | undefined, caller: CallerInfo) {
    const scope = ownerScope(caller);
    const today = asOf ?? beijingDate(new Date());
    const rows = await this.certificateRows(this.dataSource.manager, { org: scope ?? undefined });
    const decisions = (await this.dataSource.query(
      `SELECT certificate_id, action, reason, basis, decided_by, decided_at
         FROM justice_bureau.certificate_action WHERE review_year = $1`,
      [year],
    )) as { certificate_id: string; action: string; reason: string; basis: string; decided_at: Date }[];
    const decided = new Map(decisions.map((d) => [d.certificate_id, d]));
    const items = rows
      .filter((r) => r.status === 'valid' || r.status === 'suspended' || decided.has(r.id))
      .map((r) => {
        const findings = reviewFindings(r, today);
        const d = decided.get(r.id);
        return {
          ...r,
          findings,
          decision: d
            ? {
                action: d.action,
                reason: d.reason,
                basis: d.basis,
                decidedAt: new Date(d.decided_at).toISOString(),
              }
            : null,
        };
      })
      .filter((r) => r.findings.length > 0 || r.decision);
    return {
      year,
      asOf: today,
      rules: { suspensionReviewAfterDays: REGISTER_RULES.suspensionReviewAfterDays },
      pending: items.filter((i) => !i.decision).length,
      items,
    };
  }

  /** One clean-up decision per certificate and year. */
  review(certificateId: string, dto: ReviewDecisionDto, caller: CallerInfo) {
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockCertificate(m, certificateId);
      if (await m.countBy(CertificateActionEntity, { certificateId, reviewYear: dto.year })) {
        throw conflict({
          zh: `证件${c.number}的${dto.year}年度清理已有决定。`,
          en: `Certificate ${c.number} already has a ${dto.year} clean-up decision.`,
        });
      }
      if (dto.decision === 'keep') {
        if (c.status === 'revoked' || c.status === 'cancelled') {
          throw conflict({
            zh: `证件${c.number}已${STATUS_ZH[c.status]}，不能决定保留。`,
            en: `Certificate ${c.number} is ${c.status}; it cannot be kept.`,
          });
        }
        await this.recordAction(m, c.id, 'keep', dto.reason, dto.basis, caller, dto.year);
      } else {
        if (!(dto.decision === 'suspend' && c.status === 'suspended')) this.checkTransition(c, dto.decision);
        await this.apply(m, c, dto.decision, dto.reason, dto.basis, caller, dto.year);
      }
      return this.certificateView(m, certificateId);
    });
  }

  async certificates(query: CertificateQuery, caller: CallerInfo) {
    const scope = ownerScope(caller);
    return this.certificateRows(this.dataSource.manager, { org: scope ?? query.org, status: query.status });
  }

  async certificate(id: string, caller: CallerInfo) {
    const view = await this.certificateView(this.dataSource.manager, id);
    if (!visibleTo(caller, view.org)) throw notFound(CERTIFICATE, id);
    return view;
  }

  private checkTransition(c: EnforcementCertificateEntity, action: CertificateActionKind) {
    const allowed: Record<string, CertificateStatus[]> = {
      suspend: ['valid'],
      reinstate: ['suspended'],
      revoke: ['valid', 'suspended'],
      cancel: ['valid', 'suspended'],
    };
    if (!allowed[action]?.includes(c.status)) {
      throw conflict({
        zh: `证件${c.number}当前状态为“${STATUS_ZH[c.status]}”，不能${({ suspend: '暂扣', reinstate: '恢复', revoke: '吊销', cancel: '注销' } as Record<string, string>)[action] ?? '处理'}。`,
        en: `Certificate ${c.number} is ${c.status}; it cannot be ${action === 'cancel' ? 'cancelled' : `${action}ed`}.`,
      });
    }
  }

  private async apply(
    m: EntityManager,
    c: EnforcementCertificateEntity,
    action: CertificateActionKind,
    reason: string,
    basis: string,
    caller: CallerInfo,
    reviewYear: number | null,
  ) {
    const status = ACTION_STATUS[action];
    if (status && status !== c.status) {
      await m.update(EnforcementCertificateEntity, c.id, { status, statusChangedAt: new Date() });
    }
    await this.recordAction(m, c.id, action, reason, basis, caller, reviewYear);
  }

  private recordAction(
    m: EntityManager,
    certificateId: string,
    action: CertificateActionKind,
    reason: string | null,
    basis: string | null,
    caller: CallerInfo,
    reviewYear: number | null = null,
  ) {
    return m.insert(CertificateActionEntity, {
      id: randomUUID(),
      certificateId,
      action,
      reason,
      basis,
      reviewYear,
      decidedBy: caller.user,
    });
  }

  private async lockCertificate(m: EntityManager, id: string) {
    const c = await m.findOne(EnforcementCertificateEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!c) throw notFound(CERTIFICATE, id);
    return c;
  }

  private async visiblePerson(m: EntityManager, id: string, caller: CallerInfo, lock = false) {
    const p = await m.findOne(EnforcementPersonEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!p || !visibleTo(caller, p.orgCode)) throw notFound(PERSON, id);
    return p;
  }

  async personView(m: EntityManager, id: string) {
    const p = await m.findOneByOrFail(EnforcementPersonEntity, { id });
    const org = await m.findOneBy(OrganisationEntity, { code: p.orgCode });
    const proofs = await m.find(StaffingProofEntity, {
      where: { personId: id },
      order: { createdAt: 'ASC' },
    });
    const certificates = await this.certificateRows(m, { personId: id });
    return {
      id: p.id,
      org: p.orgCode,
      orgName: org?.name ?? p.orgCode,
      name: p.name,
      kind: p.kind,
      kindName: p.kind === 'officer' ? '执法人员' : '执法辅助人员',
      staffNumber: p.staffNumber,
      post: p.post,
      staffingType: p.staffingType,
      status: p.status,
      leftAt: p.leftAt,
      staffingProofs: proofs.map((f) => ({
        id: f.id,
        filename: f.filename,
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        createdAt: f.createdAt.toISOString(),
      })),
      certificates,
    };
  }

  private async certificateView(
    m: EntityManager,
    id: string,
  ): Promise<CertificateRow & { actions: unknown[] }> {
    const [row] = await this.certificateRows(m, { id });
    if (!row) throw notFound(CERTIFICATE, id);
    const actions = await m.find(CertificateActionEntity, {
      where: { certificateId: id },
      order: { decidedAt: 'ASC' },
    });
    return {
      ...row,
      actions: actions.map((a) => ({
        action: a.action,
        reason: a.reason,
        basis: a.basis,
        reviewYear: a.reviewYear,
        decidedBy: a.decidedBy,
        decidedAt: a.decidedAt.toISOString(),
      })),
    };
  }

  async certificateRows(
    m: EntityManager,
    f: { id?: string; personId?: string; org?: string; status?: string },
  ): Promise<CertificateRow[]> {
    const rows = (await m.query(
      `SELECT c.id, c.number, c.status, c.issued_on::text AS issued_on, c.expires_on::text AS expires_on,
              c.status_changed_at, p.id AS person_id, p.name, p.kind, p.org_code, o.name AS org_name,
              p.status AS person_status,
              (SELECT count(*) FROM justice_bureau.staffing_proof f WHERE f.person_id = p.id)::int AS proofs
         FROM justice_bureau.enforcement_certificate c
         JOIN justice_bureau.enforcement_person p ON p.id = c.person_id
         JOIN justice_bureau.organisation o ON o.code = p.org_code
        WHERE ($1::uuid IS NULL OR c.id = $1) AND ($2::uuid IS NULL OR p.id = $2)
          AND ($3::text IS NULL OR p.org_code = $3) AND ($4::text IS NULL OR c.status = $4)
        ORDER BY p.org_code, c.number`,
      [f.id ?? null, f.personId ?? null, f.org ?? null, f.status ?? null],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id),
      number: String(r.number),
      status: r.status as CertificateStatus,
      statusName: STATUS_ZH[r.status as CertificateStatus],
      issuedOn: String(r.issued_on),
      expiresOn: r.expires_on ? String(r.expires_on) : null,
      statusChangedAt: new Date(r.status_changed_at as string).toISOString(),
      personId: String(r.person_id),
      name: String(r.name),
      kind: String(r.kind),
      org: String(r.org_code),
      orgName: String(r.org_name),
      personStatus: String(r.person_status),
      staffingProofs: Number(r.proofs),
    }));
  }
}
