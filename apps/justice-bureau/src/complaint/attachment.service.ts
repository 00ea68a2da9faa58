import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { notFound, payloadTooLarge, unprocessable } from '@oversight/platform';
import { AttachmentEntity, AttachmentPurpose } from './complaint-records.entity';

/** What multer hands over for one uploaded file (memory storage). */
export interface UploadedFileData {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Accepted types, each recognised by its leading bytes, so a renamed executable is not a "PDF". */
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
    for (const file of files) {
      if (file.size > MAX_ATTACHMENT_BYTES) {
        throw payloadTooLarge({
          zh: `附件“${file.originalname}”超过10MB，请压缩后重新提交。`,
          en: `Attachment "${file.originalname}" exceeds 10 MB; please compress it and try again.`,
        });
      }
      const type = TYPES.find((t) => t.contentType === file.mimetype);
      if (!type || !type.magic.every((byte, i) => file.buffer[i] === byte)) {
        throw unprocessable({
          zh: `附件“${file.originalname}”的格式不受支持，仅接受 ${TYPES.map((t) => t.label).join('、')}。`,
          en: `Attachment "${file.originalname}" is not an accepted type; accepted: ${TYPES.map((t) => t.label).join(', ')}.`,
        });
      }
    }
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

  async list(complaintId: string, purposes: AttachmentPurpose[]): Promise<AttachmentView[]> {
    const rows = await this.dataSource.getRepository(AttachmentEntity).find({
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
