import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@oversight/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Bilingual,
  CallerInfo,
  checkUploadedFile,
  conflict,
  FILE_TYPE,
  forbidden,
  notFound,
  requireOrg,
  unprocessable,
  UploadedFileData,
  UploadRules,
} from '@oversight/platform';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ENFORCEMENT_KINDS } from '../organisation/organisation.seed';
import { supervisionCaseView } from '../supervision-request/supervision-link.util';
import {
  DEFAULT_REVIEW_STANDARD,
  GRADE_LABEL,
  gradeOf,
  ReviewStandard,
  round1,
} from './case-file-review-standard';
import { scoreSheet, standardProblems } from './case-file-review-scoring.util';
import {
  AssignReviewerDto,
  DrawFileDto,
  OpenRoundDto,
  ScoreFileDto,
  SubmitFileDto,
} from './case-file-review.dto';
import {
  CaseFileAssignmentEntity,
  CaseFileReviewerEntity,
  CaseFileReviewFileEntity,
  CaseFileReviewRoundEntity,
  CaseFileScoreEntity,
} from './case-file-review.entity';

/** The office running reviews: the county justice bureau. */
export const REVIEW_OFFICE = 'sfj';
export const ROUND: Bilingual = { zh: '评查活动', en: 'Review round' };
export const FILE: Bilingual = { zh: '案卷', en: 'Case file' };

export const KIND_LABEL = { annual: '年度评查', cross: '交叉评查', 'third-party': '第三方评查' } as const;
const REVIEWER_KIND_LABEL = { bureau: '县司法局', agency: '交叉评查单位', expert: '第三方专家' } as const;

export const MAX_CASE_FILE_BYTES = 30 * 1024 * 1024;
const CASE_FILE_RULES: UploadRules = {
  maxBytes: MAX_CASE_FILE_BYTES,
  types: [FILE_TYPE.pdf],
  noun: { zh: '案卷文件', en: 'Case file' },
  resubmitZh: '上传',
  decodeName: true,
};

export const fileView = (f: CaseFileReviewFileEntity) => ({
  id: f.id,
  roundId: f.roundId,
  agencyCode: f.agencyCode,
  caseNumber: f.caseNumber,
  caseKind: f.caseKind,
  title: f.title,
  decisionDate: f.decidedOn,
  origin: f.origin,
  filename: f.filename,
  size: f.size,
  sha256: f.sha256,
  total: f.total,
  grade: f.grade,
  gradeLabel: f.grade ? GRADE_LABEL[f.grade] : null,
  submittedAt: f.submittedAt.toISOString(),
});

/** Review rounds, the files under review, the reviewers and their scores (plan 四（四）3). */
@Injectable()
export class CaseFileReviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async round(id: string): Promise<CaseFileReviewRoundEntity> {
    const round = await this.dataSource.getRepository(CaseFileReviewRoundEntity).findOneBy({ id });
    if (!round) throw notFound(ROUND, id);
    return round;
  }

  async open(dto: OpenRoundDto, caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    const agencies = [...new Set(dto.agencies)];
    const orgs = await this.dataSource.getRepository(OrganisationEntity).findBy({ code: In(agencies) });
    const unknown = agencies.filter((c) => !orgs.some((o) => o.code === c));
    if (unknown.length > 0) {
      throw unprocessable({
        zh: `参评单位代码不存在：${unknown.join('、')}。`,
        en: `Unknown agency codes: ${unknown.join(', ')}.`,
      });
    }
    const notSupervised = orgs.filter((o) => !ENFORCEMENT_KINDS.includes(o.kind));
    if (notSupervised.length > 0) {
      throw unprocessable({
        zh: `${notSupervised.map((o) => o.name).join('、')}不是行政执法单位，不能参加案卷评查。`,
        en: `${notSupervised.map((o) => o.code).join(', ')} are not enforcement agencies.`,
      });
    }
    const standard: ReviewStandard = {
      ...DEFAULT_REVIEW_STANDARD,
      items: dto.items ?? DEFAULT_REVIEW_STANDARD.items,
      passMark: dto.passMark ?? DEFAULT_REVIEW_STANDARD.passMark,
      excellenceMark: dto.excellenceMark ?? DEFAULT_REVIEW_STANDARD.excellenceMark,
    };
    const problems = standardProblems(standard);
    if (problems.length > 0) throw this.problems(problems);
    const id = randomUUID();
    await this.dataSource.getRepository(CaseFileReviewRoundEntity).insert({
      id,
      year: dto.year,
      kind: dto.kind,
      title: dto.title ?? `${dto.year}年度行政执法案卷${KIND_LABEL[dto.kind]}`,
      agencies,
      standard,
      status: 'open',
      results: null,
      openedBy: caller.user,
      closedAt: null,
    });
    return this.get(id, caller);
  }

  async list(caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    const rounds = await this.dataSource
      .getRepository(CaseFileReviewRoundEntity)
      .find({ order: { openedAt: 'DESC' } });
    return { items: rounds.map((r) => this.roundView(r)) };
  }

  roundView(r: CaseFileReviewRoundEntity) {
    return {
      id: r.id,
      year: r.year,
      kind: r.kind,
      kindLabel: KIND_LABEL[r.kind],
      title: r.title,
      agencies: r.agencies,
      standard: r.standard,
      status: r.status,
      openedAt: r.openedAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
    };
  }

  async get(id: string, caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    const round = await this.round(id);
    const m = this.dataSource.manager;
    const files = await m.find(CaseFileReviewFileEntity, {
      where: { roundId: id },
      order: { agencyCode: 'ASC', caseNumber: 'ASC' },
    });
    const reviewers = await m.find(CaseFileReviewerEntity, {
      where: { roundId: id },
      order: { assignedAt: 'ASC' },
    });
    const assignments = reviewers.length
      ? await m.findBy(CaseFileAssignmentEntity, { reviewerId: In(reviewers.map((r) => r.id)) })
      : [];
    const scores = files.length
      ? await m.findBy(CaseFileScoreEntity, { fileId: In(files.map((f) => f.id)) })
      : [];
    return {
      ...this.roundView(round),
      results: round.results,
      files: files.map((f) => ({
        ...fileView(f),
        supervisionCase: supervisionCaseView(f),
        reviewers: assignments.filter((a) => a.fileId === f.id).map((a) => a.reviewerId),
        scores: scores
          .filter((s) => s.fileId === f.id)
          .map((s) => ({ reviewerId: s.reviewerId, total: s.total, grade: s.grade, items: s.items })),
      })),
      reviewers: reviewers.map((r) => ({
        id: r.id,
        kind: r.kind,
        kindLabel: REVIEWER_KIND_LABEL[r.kind],
        name: r.name,
        userId: r.userId,
        orgCode: r.orgCode,
        affiliation: r.affiliation,
        fileIds: assignments.filter((a) => a.reviewerId === r.id).map((a) => a.fileId),
      })),
    };
  }

  /** An agency submits one of its files; only rounds that include it exist for it. */
  async submitFile(id: string, dto: SubmitFileDto, file: UploadedFileData | undefined, caller: CallerInfo) {
    if (!caller.org)
      throw forbidden({ zh: '请以执法单位身份登录。', en: 'Sign in as an enforcement agency.' });
    const round = await this.round(id);
    if (!round.agencies.includes(caller.org)) throw notFound(ROUND, id);
    return this.storeFile(round, caller.org, 'submitted', dto, file, caller);
  }

  /** The office draws (抽取) a file of an agency in scope. */
  async drawFile(id: string, dto: DrawFileDto, file: UploadedFileData | undefined, caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    const round = await this.round(id);
    if (!round.agencies.includes(dto.agencyCode)) {
      throw unprocessable({
        zh: `单位“${dto.agencyCode}”不在本次评查范围内。`,
        en: `Agency ${dto.agencyCode} is not in the round's scope.`,
      });
    }
    return this.storeFile(round, dto.agencyCode, 'drawn', dto, file, caller);
  }

  private async storeFile(
    round: CaseFileReviewRoundEntity,
    agencyCode: string,
    origin: 'submitted' | 'drawn',
    dto: SubmitFileDto,
    file: UploadedFileData | undefined,
    caller: CallerInfo,
  ) {
    this.requireOpen(round);
    if (!file) {
      throw unprocessable({ zh: '请上传案卷PDF文件。', en: 'Upload the case file as a PDF.' });
    }
    checkUploadedFile(file, CASE_FILE_RULES);
    const row = {
      id: randomUUID(),
      roundId: round.id,
      agencyCode,
      caseNumber: dto.caseNumber.trim(),
      caseKind: dto.caseKind.trim(),
      title: dto.title.trim(),
      decidedOn: dto.decisionDate,
      origin,
      filename: Buffer.from(file.originalname, 'latin1').toString('utf8'),
      contentType: file.mimetype,
      size: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
      total: null,
      grade: null,
      submittedBy: caller.user,
    };
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.lockOpen(manager, round.id);
        await manager.insert(CaseFileReviewFileEntity, row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict({
          zh: `案号“${row.caseNumber}”的案卷已在本次评查中。`,
          en: `The file of case ${row.caseNumber} is already in this round.`,
        });
      }
      throw error;
    }
    return fileView({ ...row, submittedAt: new Date() } as CaseFileReviewFileEntity);
  }

  /** The office, the file's own agency and its assigned reviewers may read it. */
  async fileContent(id: string, fileId: string, caller: CallerInfo): Promise<CaseFileReviewFileEntity> {
    const file = await this.dataSource
      .getRepository(CaseFileReviewFileEntity)
      .createQueryBuilder('f')
      .addSelect('f.content')
      .where('f.id = :fileId AND f.round_id = :id', { fileId, id })
      .getOne();
    if (!file) throw notFound(FILE, fileId);
    if (caller.org === REVIEW_OFFICE || caller.org === file.agencyCode) return file;
    const assigned = await this.dataSource
      .getRepository(CaseFileReviewerEntity)
      .createQueryBuilder('r')
      .innerJoin(CaseFileAssignmentEntity, 'a', 'a.reviewer_id = r.id')
      .where('a.file_id = :fileId AND r.user_id = :user AND r.org_code = :org', {
        fileId,
        user: caller.user,
        org: caller.org,
      })
      .getExists();
    if (!assigned) throw notFound(FILE, fileId);
    return file;
  }

  async assignReviewer(id: string, dto: AssignReviewerDto, caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    const round = await this.round(id);
    this.requireOpen(round);
    const orgCode = dto.kind === 'bureau' ? REVIEW_OFFICE : dto.kind === 'agency' ? dto.orgCode! : null;
    if (dto.kind === 'agency') {
      if (round.kind !== 'cross') {
        throw unprocessable({
          zh: '只有交叉评查可以由其他执法单位人员担任评查人。',
          en: 'Staff of other agencies review only in a cross review.',
        });
      }
      const org = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ code: orgCode! });
      if (!org)
        throw unprocessable({ zh: `单位代码不存在：${orgCode}。`, en: `Unknown organisation ${orgCode}.` });
    }
    const fileIds = [...new Set(dto.fileIds)];
    const files = await this.dataSource
      .getRepository(CaseFileReviewFileEntity)
      .findBy({ id: In(fileIds), roundId: id });
    if (files.length !== fileIds.length) {
      throw unprocessable({
        zh: '所选案卷不存在或不属于本次评查。',
        en: 'Some files do not exist in this round.',
      });
    }
    this.refuseOwnFiles(orgCode, files);
    return this.dataSource.transaction(async (manager) => {
      await this.lockOpen(manager, id);
      // The same person assigned again in a round keeps one reviewer record, with more files.
      let reviewer = await manager.findOneBy(CaseFileReviewerEntity, {
        roundId: id,
        kind: dto.kind,
        ...(dto.kind === 'expert'
          ? { name: dto.name, affiliation: dto.affiliation }
          : { userId: dto.userId }),
      });
      if (!reviewer) {
        reviewer = manager.create(CaseFileReviewerEntity, {
          id: randomUUID(),
          roundId: id,
          kind: dto.kind,
          userId: dto.kind === 'expert' ? null : dto.userId!,
          orgCode,
          name: dto.name,
          affiliation: dto.kind === 'expert' ? dto.affiliation! : null,
        });
        await manager.insert(CaseFileReviewerEntity, reviewer);
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(CaseFileAssignmentEntity)
        .values(fileIds.map((fileId) => ({ reviewerId: reviewer.id, fileId })))
        .orIgnore()
        .execute();
      const all = await manager.findBy(CaseFileAssignmentEntity, { reviewerId: reviewer.id });
      return {
        id: reviewer.id,
        kind: reviewer.kind,
        name: reviewer.name,
        userId: reviewer.userId,
        orgCode: reviewer.orgCode,
        affiliation: reviewer.affiliation,
        fileIds: all.map((a) => a.fileId),
      };
    });
  }

  /** 回避: nobody reviews their own organisation's files. */
  private refuseOwnFiles(orgCode: string | null, files: CaseFileReviewFileEntity[]): void {
    const own = files.filter((f) => orgCode !== null && f.agencyCode === orgCode);
    if (own.length > 0) {
      throw unprocessable({
        zh: `评查人不得评查本单位的案卷（回避）：${own.map((f) => f.caseNumber).join('、')}。`,
        en: `A reviewer may not review their own organisation's files: ${own.map((f) => f.caseNumber).join(', ')}.`,
      });
    }
  }

  /**
   * A reviewer's scores of one file. Bureau and agency reviewers enter their own; the office enters
   * a third-party expert's. The file's total is the average of its reviewers' totals.
   */
  async score(id: string, fileId: string, dto: ScoreFileDto, caller: CallerInfo) {
    const round = await this.round(id);
    const reviewer = await this.dataSource
      .getRepository(CaseFileReviewerEntity)
      .findOneBy({ id: dto.reviewerId, roundId: id });
    const isOffice = caller.org === REVIEW_OFFICE;
    if (!reviewer) throw notFound({ zh: '本次评查的评查人', en: 'Reviewer of this round' }, dto.reviewerId);
    const self = reviewer.userId === caller.user && reviewer.orgCode === caller.org;
    const forExpert = reviewer.kind === 'expert' && isOffice;
    if (!self && !forExpert) {
      throw forbidden({
        zh: '只能由被指定的评查人本人录入评分（第三方专家的评分由县司法局录入）。',
        en: 'Only the assigned reviewer enters their scores (the bureau enters an expert’s).',
      });
    }
    const file = await this.dataSource
      .getRepository(CaseFileReviewFileEntity)
      .findOneBy({ id: fileId, roundId: id });
    if (!file) throw notFound(FILE, fileId);
    const assigned = await this.dataSource
      .getRepository(CaseFileAssignmentEntity)
      .existsBy({ reviewerId: reviewer.id, fileId });
    if (!assigned) {
      throw unprocessable({
        zh: '该案卷未分配给此评查人。',
        en: 'This file is not assigned to the reviewer.',
      });
    }
    this.refuseOwnFiles(reviewer.orgCode === REVIEW_OFFICE ? null : reviewer.orgCode, [file]);
    this.requireOpen(round);
    const result = scoreSheet(round.standard, dto.items);
    if ('problems' in result) throw this.problems(result.problems);
    const { sheet } = result;
    const already = conflict({
      zh: '该评查人已对此案卷评分，不能重复评分。',
      en: 'The reviewer has already scored this file.',
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.lockOpen(manager, id);
        // One sheet at a time per file, so the file's average counts every sheet.
        await manager.findOne(CaseFileReviewFileEntity, {
          where: { id: fileId },
          lock: { mode: 'pessimistic_write' },
        });
        await manager.insert(CaseFileScoreEntity, {
          fileId,
          reviewerId: reviewer.id,
          items: sheet.items,
          total: sheet.total,
          grade: sheet.grade,
          opinion: dto.opinion?.trim() || null,
          recordedBy: caller.user,
        });
        const sheets = await manager.findBy(CaseFileScoreEntity, { fileId });
        const total = round1(sheets.reduce((sum, s) => sum + s.total, 0) / sheets.length);
        const grade = gradeOf(total, round.standard);
        await manager.update(CaseFileReviewFileEntity, { id: fileId }, { total, grade });
        return {
          fileId,
          reviewerId: reviewer.id,
          items: sheet.items,
          total: sheet.total,
          grade: sheet.grade,
          gradeLabel: GRADE_LABEL[sheet.grade],
          file: { total, grade, gradeLabel: GRADE_LABEL[grade], sheets: sheets.length },
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw already;
      throw error;
    }
  }

  /** What an agency sees: rounds it is in with its own files, and files it was assigned to review. */
  async agencyDesk(caller: CallerInfo) {
    if (!caller.org)
      throw forbidden({ zh: '请以执法单位身份登录。', en: 'Sign in as an enforcement agency.' });
    const m = this.dataSource.manager;
    const rounds = await m
      .getRepository(CaseFileReviewRoundEntity)
      .createQueryBuilder('r')
      .where('r.agencies @> :org::jsonb', { org: JSON.stringify([caller.org]) })
      .orderBy('r.opened_at', 'DESC')
      .getMany();
    const own = rounds.length
      ? await m.find(CaseFileReviewFileEntity, {
          where: { roundId: In(rounds.map((r) => r.id)), agencyCode: caller.org },
          order: { caseNumber: 'ASC' },
        })
      : [];
    const reviewers = await m.findBy(CaseFileReviewerEntity, {
      userId: caller.user ?? '',
      orgCode: caller.org,
    });
    const assignments = reviewers.length
      ? await m.findBy(CaseFileAssignmentEntity, { reviewerId: In(reviewers.map((r) => r.id)) })
      : [];
    const assigned = assignments.length
      ? await m.findBy(CaseFileReviewFileEntity, { id: In(assignments.map((a) => a.fileId)) })
      : [];
    return {
      rounds: rounds.map((r) => ({
        ...this.roundView(r),
        files: own.filter((f) => f.roundId === r.id).map(fileView),
      })),
      toReview: assignments.map((a) => {
        const f = assigned.find((x) => x.id === a.fileId)!;
        return { reviewerId: a.reviewerId, ...fileView(f) };
      }),
    };
  }

  /** Holds the round open (a share lock) until the caller's transaction ends, so closing waits for it. */
  private async lockOpen(manager: EntityManager, id: string): Promise<void> {
    const round = await manager.findOne(CaseFileReviewRoundEntity, {
      where: { id },
      lock: { mode: 'pessimistic_read' },
    });
    if (!round) throw notFound(ROUND, id);
    this.requireOpen(round);
  }

  requireOpen(round: CaseFileReviewRoundEntity): void {
    if (round.status !== 'open') {
      throw conflict({
        zh: '本次评查已结束，不能再提交或修改。',
        en: 'The round is closed; nothing more can be submitted or changed.',
      });
    }
  }

  private problems(problems: Bilingual[]) {
    return unprocessable({
      zh: problems.map((p) => p.zh).join(''),
      en: problems.map((p) => p.en).join(' '),
    });
  }
}
