import { CellValue, TableSpec } from './document-spec';

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The Beijing wall-clock time of an instant, as a Date whose UTC fields carry it.
 * Documents show Beijing time whatever the time zone of the server that renders them.
 */
export function beijingWallClock(date: Date): Date {
  return new Date(date.getTime() + BEIJING_OFFSET_MS);
}

/** `yyyy-mm-dd hh:mm` in Beijing time. */
export function formatDateTime(date: Date): string {
  const d = beijingWallClock(date);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** The text a cell shows. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isValidDate(value) ? formatDateTime(value) : '';
  return String(value);
}

/** Width of a text in Excel character units: East Asian wide characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const MIN_AUTO_WIDTH = 6;
const MAX_AUTO_WIDTH = 50;
/** Enough rows to judge a column's width without measuring a long ledger twice over. */
const ROWS_SAMPLED_FOR_WIDTH = 500;

/** Column widths in characters: the declared width, else the widest of header and sampled cells. */
export function columnWidths(table: TableSpec): number[] {
  const sample = table.rows.slice(0, ROWS_SAMPLED_FOR_WIDTH);
  return table.columns.map((column) => {
    if (column.width !== undefined && column.width > 0) return column.width;
    const widest = sample.reduce(
      (max, row) => Math.max(max, displayWidth(cellText(row[column.key]))),
      displayWidth(column.header),
    );
    return Math.min(MAX_AUTO_WIDTH, Math.max(MIN_AUTO_WIDTH, widest + 2));
  });
}
