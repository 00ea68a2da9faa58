// A spec may use the test helpers; the boundary rule has no spec-file exception for type:util libraries yet.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { pdfInfo, pdfText } from '@oversight/testing';
import { PdfDocumentSpec, TableSpec } from './document-spec';
import { renderPdf } from './pdf-render.util';

const report: PdfDocumentSpec = {
  title: '阳新县2026年度行政执法投诉办理情况报告',
  subtitle: '阳新县司法局',
  meta: { author: '阳新县司法局', subject: '投诉年度报告' },
  footer: '阳新县行政执法协调监督平台',
  sections: [
    {
      heading: '一、总体情况',
      paragraphs: ['全年共受理行政执法投诉一百二十件，办结一百一十五件。', '群众满意率明显提升。'],
    },
    {
      heading: '二、投诉明细',
      table: {
        columns: [
          { key: 'code', header: '受理编号', width: 14 },
          { key: 'org', header: '被投诉单位', width: 20 },
          { key: 'receivedAt', header: '受理时间', width: 16 },
          { key: 'days', header: '办理天数', width: 8 },
        ],
        rows: [
          {
            code: 'TS-2026-0001',
            org: '阳新县市场监督管理局',
            receivedAt: new Date('2026-11-20T01:30:00Z'),
            days: 12,
          },
          { code: 'TS-2026-0002', org: '阳新县交通运输局', receivedAt: null, days: 3 },
        ],
      },
    },
  ],
};

/** The raw bytes as text: PDFKit leaves font and document dictionaries uncompressed. */
const raw = (pdf: Buffer): string => pdf.toString('latin1');

/** Text without line breaks, to find a string that wrapping may have split. */
const flat = (text: string): string => text.replace(/\s+/g, '');

describe('renderPdf', () => {
  it('renders title, subtitle, headings, paragraphs and table cells as Chinese text', async () => {
    const text = await pdfText(await renderPdf(report));

    for (const expected of [
      '阳新县2026年度行政执法投诉办理情况报告',
      '阳新县司法局',
      '一、总体情况',
      '全年共受理行政执法投诉一百二十件，办结一百一十五件。',
      '二、投诉明细',
      '受理编号',
      '被投诉单位',
      '阳新县市场监督管理局',
      'TS-2026-0002',
      '阳新县行政执法协调监督平台',
    ]) {
      expect(flat(text)).toContain(expected);
    }
  });

  it('shows dates in the table as Beijing time', async () => {
    const text = await pdfText(await renderPdf(report));

    expect(text).toContain('2026-11-20 09:30');
  });

  it('is an A4 document with Noto Sans SC embedded as subsets', async () => {
    const pdf = raw(await renderPdf(report));

    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(pdf).toContain('/FontFile2');
    // Only the glyphs used are embedded: far smaller than the 10 MB fonts.
    expect(pdf.length).toBeLessThan(500_000);
  });

  it('writes the title and metadata into the document information', async () => {
    const info = await pdfInfo(await renderPdf(report));

    expect(info).toMatchObject({
      Title: report.title,
      Author: '阳新县司法局',
      Subject: '投诉年度报告',
      Creator: 'Oversight',
    });
  });

  it('numbers every page as 第 N 页 / 共 M 页', async () => {
    const pages = (await pdfText(await renderPdf(report))).split('\f');

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('第 1 页 / 共 1 页');
  });

  it('continues a long table over pages, repeating the header row and keeping every row in order', async () => {
    const table: TableSpec = {
      columns: [
        { key: 'no', header: '序号', width: 6 },
        { key: 'code', header: '受理编号', width: 14 },
        { key: 'summary', header: '事由摘要', width: 40 },
      ],
      rows: Array.from({ length: 200 }, (_, i) => ({
        no: i + 1,
        code: `TS-2026-${String(i + 1).padStart(4, '0')}`,
        summary:
          i % 7 === 0 ? '执法人员未出示证件即罚款，且未告知陈述申辩权利，程序明显违法。'.repeat(3) : '乱收费',
      })),
    };
    const pages = (await pdfText(await renderPdf({ title: '投诉受理台账', sections: [{ table }] }))).split(
      '\f',
    );

    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain('受理编号');
      expect(page).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
    });
    const codes = pages.join('').match(/TS-2026-\d{4}/g);
    expect(codes).toEqual(table.rows.map((row) => row.code));
  });

  it('wraps a long cell onto several lines within its column', async () => {
    const summary =
      '当事人对行政处罚决定不服，认为执法程序违法、事实认定不清、适用法律错误，请求依法撤销该处罚决定。';
    const text = await pdfText(
      await renderPdf({
        title: '投诉详情',
        sections: [
          {
            table: {
              columns: [
                { key: 'code', header: '受理编号', width: 30 },
                { key: 'summary', header: '事由摘要', width: 10 },
              ],
              rows: [{ code: 'TS-2026-0001', summary }],
            },
          },
        ],
      }),
    );

    expect(flat(text)).toContain(summary);
    expect(text).not.toContain(summary);
  });

  it('says so when a table has no rows', async () => {
    const text = await pdfText(
      await renderPdf({
        title: '联络纪要',
        sections: [{ heading: '移送事项', table: { columns: [{ key: 'a', header: '事项' }], rows: [] } }],
      }),
    );

    expect(text).toContain('（无记录）');
  });
});
