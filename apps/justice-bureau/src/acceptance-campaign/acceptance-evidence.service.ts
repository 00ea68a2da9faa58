import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  checkUploadedFile,
  FILE_TYPE,
  notFound,
  unprocessable,
  UploadedFileData,
  UploadRules,
} from '@oversight/platform';
import { AcceptanceEvidenceEntity } from './acceptance-campaign.entity';

/** What multer hands over for one uploaded file (memory storage). */
export type UploadedEvidence = UploadedFileData;

export const MAX_EVIDENCE_FILES = 10;
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Evidence files: up to 20 MB each, PDF, images, Word or Excel (checked by content, not by name). */
const EVIDENCE_RULES: UploadRules = {
  maxBytes: MAX_EVIDENCE_BYTES,
  types: [FILE_TYPE.pdf, FILE_TYPE.jpeg, FILE_TYPE.png, FILE_TYPE.docx, FILE_TYPE.xlsx],
  noun: { zh: '文件', en: 'File' },
  resubmitZh: '上传',
  decodeName: true,
};

export interface EvidenceView {
  id: string;
  itemCode: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export const evidenceView = (e: AcceptanceEvidenceEntity): EvidenceView => ({
  id: e.id,
  itemCode: e.itemCode,
  filename: e.filename,
  contentType: e.contentType,
  size: e.size,
  sha256: e.sha256,
  createdAt: e.createdAt.toISOString(),
});

/** Evidence files (佐证材料) of the units, kept in the justice bureau's database with a checksum. */
@Injectable()
export class AcceptanceEvidenceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  validate(files: UploadedEvidence[]): void {
    if (files.length === 0) {
      throw unprocessable({ zh: '请选择要上传的佐证材料。', en: 'Choose at least one evidence file.' });
    }
    if (files.length > MAX_EVIDENCE_FILES) {
      throw unprocessable({
        zh: `每次最多上传${MAX_EVIDENCE_FILES}个文件，本次提交了${files.length}个。`,
        en: `At most ${MAX_EVIDENCE_FILES} files at a time; ${files.length} were sent.`,
      });
    }
    for (const file of files) checkUploadedFile(file, EVIDENCE_RULES);
  }

  async store(
    input: { campaignId: string; unitCode: string; itemCode: string | null; uploadedBy: string | null },
    files: UploadedEvidence[],
  ): Promise<EvidenceView[]> {
    return this.dataSource.transaction(async (manager) => {
      const views: EvidenceView[] = [];
      for (const file of files) {
        const row = {
          id: randomUUID(),
          ...input,
          filename: Buffer.from(file.originalname, 'latin1').toString('utf8'),
          contentType: file.mimetype,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          content: file.buffer,
        };
        await manager.insert(AcceptanceEvidenceEntity, row);
        views.push(evidenceView({ ...row, createdAt: new Date() } as AcceptanceEvidenceEntity));
      }
      return views;
    });
  }

  /** Throws 422 unless every id is evidence the unit uploaded in this campaign. */
  async requireOwn(
    manager: EntityManager,
    campaignId: string,
    unitCode: string,
    ids: string[],
  ): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await manager.countBy(AcceptanceEvidenceEntity, { id: In(unique), campaignId, unitCode });
    if (found !== unique.length) {
      throw unprocessable({
        zh: '所附佐证材料不存在或不属于本单位，请先上传佐证材料。',
        en: 'Some evidence ids do not exist for this unit; upload the evidence first.',
      });
    }
  }

  list(campaignId: string, unitCode: string): Promise<AcceptanceEvidenceEntity[]> {
    return this.dataSource
      .getRepository(AcceptanceEvidenceEntity)
      .find({ where: { campaignId, unitCode }, order: { createdAt: 'ASC' } });
  }

  async content(campaignId: string, unitCode: string, id: string): Promise<AcceptanceEvidenceEntity> {
    const row = await this.dataSource
      .getRepository(AcceptanceEvidenceEntity)
      .createQueryBuilder('e')
      .addSelect('e.content')
      .where('e.id = :id AND e.campaign_id = :campaignId AND e.unit_code = :unitCode', {
        id,
        campaignId,
        unitCode,
      })
      .getOne();
    if (!row) throw notFound({ zh: '佐证材料', en: 'Evidence' }, id);
    return row;
  }
}
