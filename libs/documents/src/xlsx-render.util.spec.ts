import { Workbook, Worksheet } from 'exceljs';
import { SheetSpec } from './document-spec';
import { renderXlsx } from './xlsx-render.util';

async function readBack(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheetAt(workbook: Workbook, index: number): Worksheet {
  const sheet = workbook.worksheets[index];
  if (!sheet) throw new Error(`no worksheet at ${index}`);
  return sheet;
}

const ledger: SheetSpec = {
  name: '投诉台账',
  columns: [
    { key: 'code', header: '受理编号' },
    { key: 'org', header: '被投诉单位', width: 30 },
    { key: 'receivedAt', header: '受理时间' },
    { key: 'days', header: '办理天数' },
    { key: 'note', header: '备注' },
  ],
  rows: [
    {
      code: 'TS-2026-0001',
      org: '阳新县市场监督管理局',
      receivedAt: new Date('2026-11-20T01:30:00Z'),
      days: 12,
      note: '执法人员未出示证件即罚款',
    },
    { code: 'TS-2026-0002', org: '阳新县交通运输局', receivedAt: null, days: 3.5, note: null },
  ],
};

describe('renderXlsx', () => {
  it('writes the header row and every cell, numbers as numbers and empty cells empty', async () => {
    const sheet = sheetAt(await readBack(await renderXlsx([ledger])), 0);

    expect(sheet.name).toBe('投诉台账');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '受理编号',
      '被投诉单位',
      '受理时间',
      '办理天数',
      '备注',
    ]);
    expect(sheet.getCell('A2').value).toBe('TS-2026-0001');
    expect(sheet.getCell('B2').value).toBe('阳新县市场监督管理局');
    expect(sheet.getCell('D2').value).toBe(12);
    expect(sheet.getCell('E2').value).toBe('执法人员未出示证件即罚款');
    expect(sheet.getCell('D3').value).toBe(3.5);
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getCell('E3').value).toBeNull();
    expect(sheet.rowCount).toBe(3);
  });

  it('makes the header row bold and freezes the sheet below it', async () => {
    const sheet = sheetAt(await readBack(await renderXlsx([ledger])), 0);

    for (let column = 1; column <= 5; column++) expect(sheet.getRow(1).getCell(column).font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('shows dates as Beijing time in yyyy-mm-dd hh:mm', async () => {
    const cell = sheetAt(await readBack(await renderXlsx([ledger])), 0).getCell('C2');

    // 01:30 UTC is 09:30 in Beijing; Excel stores the wall-clock time, read back as a UTC date.
    expect(cell.value).toEqual(new Date(Date.UTC(2026, 10, 20, 9, 30)));
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('sets declared column widths and sizes the others to fit their content', async () => {
    const sheet = sheetAt(await readBack(await renderXlsx([ledger])), 0);

    expect(sheet.getColumn(2).width).toBe(30);
    // 受理时间 is four wide characters, but its dates are 16 characters wide.
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(16);
    // 备注's longest value is twelve Chinese characters, 24 units.
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(24);
  });

  it('puts a title above the header, merged across the columns, and freezes below the header', async () => {
    const sheet = sheetAt(
      await readBack(await renderXlsx([{ ...ledger, title: '2026年度投诉受理台账' }])),
      0,
    );

    expect(sheet.getCell('A1').value).toBe('2026年度投诉受理台账');
    expect(sheet.getCell('E1').isMerged).toBe(true);
    expect(sheet.getCell('E1').master.address).toBe('A1');
    expect(sheet.getCell('A2').value).toBe('受理编号');
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(sheet.getCell('B3').value).toBe('阳新县市场监督管理局');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('writes one worksheet per spec, with names Excel accepts and no duplicates', async () => {
    const empty = { columns: [{ key: 'a', header: '事项' }], rows: [] };
    const workbook = await readBack(
      await renderXlsx([
        { ...empty, name: '统计/汇总[2026]' },
        { ...empty, name: '统计/汇总[2026]' },
        { ...empty, name: '' },
        { ...empty, name: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三' },
      ]),
    );

    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '统计_汇总_2026_',
      '统计_汇总_2026_(2)',
      'Sheet3',
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一',
    ]);
    expect(sheetAt(workbook, 1).getCell('A1').value).toBe('事项');
  });
});
