import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@oversight/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CallerInfo, conflict, notFound, PageQuery, requireOrg, unprocessable } from '@oversight/platform';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { GRADE_LABEL } from './case-file-review-standard';
import { redactPersonalData } from './case-file-review-scoring.util';
import { PublishGuidingCaseDto } from './case-file-review.dto';
import { CaseFileReviewFileEntity, GuidingCaseEntity } from './case-file-review.entity';
import { CaseFileReviewService, FILE, REVIEW_OFFICE } from './case-file-review.service';

/**
 * Guiding cases (行政执法案例指导, plan 四（四）3 “建立行政执法案例指导制度……以案促学、示范引导”): a reviewed
 * file retold as a summary and its lesson. Nothing identifies the parties: the office names them so they
 * are masked, ID and telephone numbers are masked, and the case number is never published.
 */
@Injectable()
export class GuidingCaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: CaseFileReviewService,
  ) {}

  async publish(roundId: string, fileId: string, dto: PublishGuidingCaseDto, caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    const round = await this.rounds.round(roundId);
    const file = await this.dataSource
      .getRepository(CaseFileReviewFileEntity)
      .findOneBy({ id: fileId, roundId });
    if (!file) throw notFound(FILE, fileId);
    if (file.total === null) {
      throw unprocessable({
        zh: '案卷尚未评分，评查后才能作为指导案例发布。',
        en: 'The file has not been reviewed yet; only reviewed files become guiding cases.',
      });
    }
    const names = dto.partyNames ?? [];
    const clean = (text: string) => redactPersonalData(text, names).replaceAll(file.caseNumber, '（案号略）');
    const row = {
      id: randomUUID(),
      fileId,
      agencyCode: file.agencyCode,
      caseKind: file.caseKind,
      year: round.year,
      title: clean(dto.title.trim()),
      summary: clean(dto.summary.trim()),
      lesson: clean(dto.lesson.trim()),
      grade: file.grade,
      publishedBy: caller.user,
    };
    try {
      await this.dataSource.getRepository(GuidingCaseEntity).insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict({
          zh: '该案卷已发布为指导案例。',
          en: 'This file is already published as a guiding case.',
        });
      }
      throw error;
    }
    return this.view({ ...row, publishedAt: new Date() } as GuidingCaseEntity, await this.names());
  }

  async list(query: PageQuery) {
    const [rows, total] = await this.dataSource.getRepository(GuidingCaseEntity).findAndCount({
      order: { publishedAt: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    const names = await this.names();
    return { total, items: rows.map((r) => this.view(r, names)) };
  }

  private async names(): Promise<Map<string, string>> {
    const orgs = await this.dataSource.getRepository(OrganisationEntity).find();
    return new Map(orgs.map((o) => [o.code, o.name]));
  }

  /** The public view: no file id, no case number, no reviewer. */
  private view(r: GuidingCaseEntity, names: Map<string, string>) {
    return {
      id: r.id,
      year: r.year,
      agency: names.get(r.agencyCode) ?? r.agencyCode,
      caseKind: r.caseKind,
      title: r.title,
      summary: r.summary,
      lesson: r.lesson,
      grade: r.grade ? GRADE_LABEL[r.grade] : null,
      publishedAt: r.publishedAt.toISOString(),
    };
  }
}
