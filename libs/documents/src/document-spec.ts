/** A value in a table cell; `null` renders as an empty cell. */
export type CellValue = string | number | Date | null;

/**
 * A table: columns in display order and one record per row, keyed by column key.
 * `width` is the column width in characters (Excel's unit, a Chinese character counts two);
 * in a PDF the columns share the text width in proportion to it. Without it the width follows the content.
 */
export interface TableSpec {
  columns: { key: string; header: string; width?: number }[];
  rows: Record<string, CellValue>[];
}

/** One section of a PDF document: an optional heading, then paragraphs, then a table. */
export interface PdfSection {
  heading?: string;
  paragraphs?: string[];
  table?: TableSpec;
}

/** A PDF document: title (and subtitle) centred on the first page, sections in order, footer on every page. */
export interface PdfDocumentSpec {
  title: string;
  subtitle?: string;
  meta?: { author?: string; subject?: string };
  sections: PdfSection[];
  footer?: string;
}

/** One worksheet: a table with a sheet name and an optional title row above the header row. */
export interface SheetSpec extends TableSpec {
  name: string;
  title?: string;
}
