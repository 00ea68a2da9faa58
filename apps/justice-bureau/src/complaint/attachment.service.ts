import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  checkUploadedFile,
  FILE_TYPE,
  notFound,
  unprocessable,
  UploadedFileData,
  UploadRules,
} from '@oversight/platform';
import { AttachmentEntity, AttachmentPurpose } from './complaint-records.entity';

export type { UploadedFileData };

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Complaint attachments: up to 10 MB each, PDF, images or Word (checked by content, not by name). */
export const ATTACHMENT_RULES: UploadRules = {
  maxBytes: MAX_ATTACHMENT_BYTES,
  types: [FILE_TYPE.pdf, FILE_TYPE.jpeg, FILE_TYPE.png, FILE_TYPE.docx],
  noun: { zh: '附件', en: 'Attachment' },
  resubmitZh: '提交',
};

export interface AttachmentView {
  id: string;
  purpose: AttachmentPurpose;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

@Injectable()
export class AttachmentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rejects the whole upload if any file is too large, too many, or not an accepted type. */
  validate(files: UploadedFileData[]): void {
    if (files.length > MAX_ATTACHMENTS) {
      throw unprocessable({
        zh: `附件最多${MAX_ATTACHMENTS}个，本次提交了${files.length}个。`,
        en: `At most ${MAX_ATTACHMENTS} attachments; ${files.length} were sent.`,
      });
    }
    for (const file of files) checkUploadedFile(file, ATTACHMENT_RULES);
  }

  async store(
    manager: EntityManager,
    complaintId: string,
    purpose: AttachmentPurpose,
    files: UploadedFileData[],
    uploadedByOrg: string | null,
  ): Promise<AttachmentView[]> {
    const views: AttachmentView[] = [];
    for (const file of files) {
      const row = {
        id: randomUUID(),
        complaintId,
        purpose,
        filename: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        contentType: file.mimetype,
        size: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        uploadedByOrg,
      };
      await manager.insert(AttachmentEntity, row);
      views.push({ ...viewOf({ ...row, createdAt: new Date() } as AttachmentEntity) });
    }
    return views;
  }

  async list(
    complaintId: string,
    purposes: AttachmentPurpose[],
    manager = this.dataSource.manager,
  ): Promise<AttachmentView[]> {
    const rows = await manager.getRepository(AttachmentEntity).find({
      where: purposes.map((purpose) => ({ complaintId, purpose })),
      order: { createdAt: 'ASC' },
    });
    return rows.map(viewOf);
  }

  async content(complaintId: string, id: string, purposes: AttachmentPurpose[]): Promise<AttachmentEntity> {
    const row = await this.dataSource
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id AND a.complaint_id = :complaintId AND a.purpose IN (:...purposes)', {
        id,
        complaintId,
        purposes,
      })
      .getOne();
    if (!row) throw notFound({ zh: '附件', en: 'Attachment' }, id);
    return row;
  }
}

function viewOf(a: AttachmentEntity): AttachmentView {
  return {
    id: a.id,
    purpose: a.purpose,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
  };
}
