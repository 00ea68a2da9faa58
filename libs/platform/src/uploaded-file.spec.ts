import { ApiError } from './api-error';
import { checkUploadedFile, FILE_TYPE, UploadRules } from './uploaded-file';

const rules: UploadRules = {
  maxBytes: 10 * 1024 * 1024,
  types: [FILE_TYPE.pdf, FILE_TYPE.png],
  noun: { zh: '附件', en: 'Attachment' },
  resubmitZh: '提交',
};
const pdf = Buffer.from('%PDF-1.7 test');
const file = (over: Partial<{ originalname: string; mimetype: string; size: number; buffer: Buffer }>) => ({
  originalname: 'a.pdf',
  mimetype: 'application/pdf',
  size: pdf.length,
  buffer: pdf,
  ...over,
});
const refusal = (f: ReturnType<typeof file>, r = rules) => {
  try {
    checkUploadedFile(f, r);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('accepted');
};

describe('checkUploadedFile', () => {
  it('accepts a file whose content matches its declared type', () => {
    expect(() => checkUploadedFile(file({}), rules)).not.toThrow();
  });

  it('refuses a file over the limit with 413, naming the size in both languages', () => {
    const error = refusal(file({ size: 10 * 1024 * 1024 + 1 }));
    expect(error.getStatus()).toBe(413);
    expect(error.getResponse()).toMatchObject({
      message: {
        zh: '附件“a.pdf”超过10MB，请压缩后重新提交。',
        en: 'Attachment "a.pdf" exceeds 10 MB; please compress it and try again.',
      },
    });
  });

  it('refuses a renamed file by its leading bytes with 422, listing the accepted types', () => {
    const error = refusal(file({ buffer: Buffer.from('MZ executable') }));
    expect(error.getStatus()).toBe(422);
    expect(error.getResponse()).toMatchObject({
      message: {
        zh: '附件“a.pdf”的格式不受支持，仅接受 PDF、PNG。',
        en: 'Attachment "a.pdf" is not an accepted type; accepted: PDF, PNG.',
      },
    });
  });

  it('names the file by its UTF-8 name when asked to (multer hands it over as latin1)', () => {
    const latin1 = Buffer.from('材料.pdf', 'utf8').toString('latin1');
    const error = refusal(file({ originalname: latin1, mimetype: 'image/gif' }), {
      ...rules,
      noun: { zh: '文件', en: 'File' },
      decodeName: true,
    });
    expect(error.getResponse()).toMatchObject({ message: { zh: expect.stringContaining('文件“材料.pdf”') } });
  });
});
