import { Bilingual, payloadTooLarge, unprocessable } from './api-error';

/** What multer hands over for one uploaded file (memory storage). */
export interface UploadedFileData {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** An accepted file type, recognised by its leading bytes, so a renamed executable is not a "PDF". */
export interface AcceptedFileType {
  contentType: string;
  label: string;
  magic: readonly number[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const FILE_TYPE = {
  pdf: { contentType: 'application/pdf', label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46] },
  jpeg: { contentType: 'image/jpeg', label: 'JPEG', magic: [0xff, 0xd8, 0xff] },
  png: { contentType: 'image/png', label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (docx)',
    magic: ZIP,
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel (xlsx)',
    magic: ZIP,
  },
} as const satisfies Record<string, AcceptedFileType>;

/** The rules one kind of upload follows, and how its messages name the file. */
export interface UploadRules {
  maxBytes: number;
  types: readonly AcceptedFileType[];
  /** What a file is called in messages: 附件/Attachment, 文件/File. */
  noun: Bilingual;
  /** The verb of "compress it and … again" in Chinese: 提交 or 上传. */
  resubmitZh: string;
  /** Name the file by its UTF-8 decoded name (multer hands it over as latin1) rather than as sent. */
  decodeName?: boolean;
}

/** Refuses a file that is too large (413) or not an accepted type, checked by content, not by name (422). */
export function checkUploadedFile(file: UploadedFileData, rules: UploadRules): void {
  const name = rules.decodeName
    ? Buffer.from(file.originalname, 'latin1').toString('utf8')
    : file.originalname;
  if (file.size > rules.maxBytes) {
    const mb = Math.round(rules.maxBytes / (1024 * 1024));
    throw payloadTooLarge({
      zh: `${rules.noun.zh}“${name}”超过${mb}MB，请压缩后重新${rules.resubmitZh}。`,
      en: `${rules.noun.en} "${name}" exceeds ${mb} MB; please compress it and try again.`,
    });
  }
  const type = rules.types.find((t) => t.contentType === file.mimetype);
  if (!type || !type.magic.every((byte, i) => file.buffer[i] === byte)) {
    const labels = rules.types.map((t) => t.label);
    throw unprocessable({
      zh: `${rules.noun.zh}“${name}”的格式不受支持，仅接受 ${labels.join('、')}。`,
      en: `${rules.noun.en} "${name}" is not an accepted type; accepted: ${labels.join(', ')}.`,
    });
  }
}
