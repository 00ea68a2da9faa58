import { payloadTooLarge, unprocessable } from '@oversight/platform';

/** What multer hands over for one uploaded file (memory storage). */
export interface UploadedFileData {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;

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

/** Refuses a file that is too large or not an accepted type (checked by content, not by name). */
export function validateEvidenceFile(file: UploadedFileData): void {
  if (file.size > MAX_EVIDENCE_FILE_BYTES) {
    throw payloadTooLarge({
      zh: `文件“${file.originalname}”超过10MB，请压缩后重新提交。`,
      en: `File "${file.originalname}" exceeds 10 MB; please compress it and try again.`,
    });
  }
  const type = TYPES.find((t) => t.contentType === file.mimetype);
  if (!type || !type.magic.every((byte, i) => file.buffer[i] === byte)) {
    throw unprocessable({
      zh: `文件“${file.originalname}”的格式不受支持，仅接受 ${TYPES.map((t) => t.label).join('、')}。`,
      en: `File "${file.originalname}" is not an accepted type; accepted: ${TYPES.map((t) => t.label).join(', ')}.`,
    });
  }
}
