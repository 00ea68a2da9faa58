import { attachmentDisposition, CONTENT_TYPE } from './content-disposition.util';

describe('attachmentDisposition', () => {
  it('carries the Chinese name as UTF-8 in filename* and the ASCII fallback in filename', () => {
    expect(attachmentDisposition('投诉年度报告.pdf', 'complaint-report.pdf')).toBe(
      `attachment; filename="complaint-report.pdf"; filename*=UTF-8''%E6%8A%95%E8%AF%89%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf`,
    );
  });

  it('percent-encodes characters outside RFC 5987 attr-char, including quote, parentheses and star', () => {
    const header = attachmentDisposition(`联络纪要 (第1期) 'A'*.xlsx`, 'minutes.xlsx');
    const encoded = header.split("filename*=UTF-8''")[1];
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe(`联络纪要 (第1期) 'A'*.xlsx`);
  });

  it('keeps the ASCII fallback a safe quoted string', () => {
    const header = attachmentDisposition('报告.pdf', 'a"b\\c\r\n报告.pdf');
    expect(header.startsWith('attachment; filename="a_b_c.pdf"; ')).toBe(true);
  });

  it('names the fallback "download" when nothing but the extension is ASCII', () => {
    expect(attachmentDisposition('台账.xlsx', '台账.xlsx')).toBe(
      `attachment; filename="download.xlsx"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.xlsx`,
    );
    expect(attachmentDisposition('台账', '台账')).toMatch(/^attachment; filename="download"; /);
  });

  it('drops control characters from the UTF-8 name', () => {
    expect(attachmentDisposition('台账\r\n.xlsx', 'ledger.xlsx')).toBe(
      `attachment; filename="ledger.xlsx"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.xlsx`,
    );
  });
});

describe('CONTENT_TYPE', () => {
  it('names the PDF and xlsx media types', () => {
    expect(CONTENT_TYPE).toEqual({
      pdf: 'application/pdf',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });
});
