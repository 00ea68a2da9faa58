import { Workbook, Worksheet } from 'exceljs';
import { beijingWallClock, columnWidths, isValidDate } from './cell-value.util';
import { CellValue, SheetSpec } from './document-spec';

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const HEADER_FILL = 'FFE8E8E8';
const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Excel's own limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/**
 * Renders an xlsx workbook, one worksheet per spec: an optional merged title row, then a bold, frozen,
 * filterable header row, then the rows. Dates show Beijing time as `yyyy-mm-dd hh:mm`; numbers stay numbers.
 */
export async function renderXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Oversight';
  workbook.created = new Date();
  const names = new Set<string>();
  sheets.forEach((spec, index) => {
    const name = uniqueSheetName(spec.name, index, names);
    fillSheet(workbook.addWorksheet(name), spec);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function fillSheet(sheet: Worksheet, spec: SheetSpec): void {
  const columnCount = Math.max(1, spec.columns.length);
  const widths = columnWidths(spec);
  sheet.columns = spec.columns.map((column, i) => ({ key: column.key, width: widths[i] }));

  let headerRowNumber = 1;
  if (spec.title) {
    const titleRow = sheet.getRow(1);
    titleRow.getCell(1).value = spec.title;
    titleRow.getCell(1).font = { bold: true, size: 14 };
    titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    titleRow.height = 28;
    if (columnCount > 1) sheet.mergeCells(1, 1, 1, columnCount);
    headerRowNumber = 2;
  }

  const header = sheet.getRow(headerRowNumber);
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = BORDER;
  });

  spec.rows.forEach((record, r) => {
    const row = sheet.getRow(headerRowNumber + 1 + r);
    spec.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      const value = record[column.key];
      cell.value = xlsxValue(value);
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: typeof value === 'string' };
      if (value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
  });

  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNumber }];
  if (spec.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: headerRowNumber, column: 1 },
      to: { row: headerRowNumber, column: spec.columns.length },
    };
  }
}

/** Excel dates have no time zone: write the Beijing wall-clock time so the sheet shows what the PDF shows. */
function xlsxValue(value: CellValue | undefined): string | number | Date | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return isValidDate(value) ? beijingWallClock(value) : null;
  return value;
}

/** Excel forbids : \ / ? * [ ] in sheet names, a leading or trailing apostrophe and duplicates. */
function uniqueSheetName(wanted: string, index: number, taken: Set<string>): string {
  const cleaned = wanted
    .replace(/[:\\/?*[\]]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  const base = truncate(cleaned, MAX_SHEET_NAME) || `Sheet${index + 1}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** At most `length` UTF-16 units (Excel's measure), never splitting a character outside the BMP. */
function truncate(text: string, length: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > length) break;
    out += ch;
  }
  return out;
}
