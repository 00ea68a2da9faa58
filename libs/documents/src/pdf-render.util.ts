import PDFDocument from 'pdfkit';
import { cellText, columnWidths } from './cell-value.util';
import { cjkFont } from './cjk-font.util';
import { PdfDocumentSpec, PdfSection, TableSpec } from './document-spec';

const REGULAR = 'cjk-regular';
const BOLD = 'cjk-bold';

const MARGIN = { top: 64, bottom: 72, left: 56, right: 56 };
const FONT_SIZE = { title: 20, subtitle: 12, heading: 14, paragraph: 12, table: 10, footer: 9 };
const LINE_GAP = 4;
const CELL_PADDING = 4;
const GRID_COLOR = '#555555';
const HEADER_FILL = '#e8e8e8';
const FOOTER_COLOR = '#555555';

type Doc = PDFKit.PDFDocument;

/**
 * Renders an A4 PDF with Noto Sans SC embedded as a subset (only the glyphs used): the title centred,
 * then each section's heading, paragraphs and table (header row repeated on every page it spans,
 * cells wrapping), the footer and `第 N 页 / 共 M 页` at the foot of every page.
 */
export function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: spec.title,
      ...(spec.meta?.author ? { Author: spec.meta.author } : {}),
      ...(spec.meta?.subject ? { Subject: spec.meta.subject } : {}),
      Creator: 'Oversight',
    },
  });
  const done = collect(doc);
  doc.registerFont(REGULAR, cjkFont('regular'));
  doc.registerFont(BOLD, cjkFont('bold'));

  drawTitle(doc, spec);
  for (const section of spec.sections) drawSection(doc, section);
  drawPageFooters(doc, spec.footer);

  doc.end();
  return done;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function drawTitle(doc: Doc, spec: PdfDocumentSpec): void {
  const x = doc.page.margins.left;
  doc.font(BOLD).fontSize(FONT_SIZE.title).fillColor('black');
  doc.text(spec.title, x, doc.y, { width: contentWidth(doc), align: 'center', lineGap: LINE_GAP });
  if (spec.subtitle) {
    doc.moveDown(0.3);
    doc.font(REGULAR).fontSize(FONT_SIZE.subtitle);
    doc.text(spec.subtitle, x, doc.y, { width: contentWidth(doc), align: 'center', lineGap: LINE_GAP });
  }
  doc.moveDown(1);
}

function drawSection(doc: Doc, section: PdfSection): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  if (section.heading) {
    doc.font(BOLD).fontSize(FONT_SIZE.heading).fillColor('black');
    // Keep a heading with at least the first lines of what follows.
    if (doc.y + doc.currentLineHeight(true) * 3 > bottomLimit(doc)) doc.addPage();
    doc.text(section.heading, x, doc.y, { width, lineGap: LINE_GAP });
    doc.moveDown(0.4);
  }
  for (const paragraph of section.paragraphs ?? []) {
    doc.font(REGULAR).fontSize(FONT_SIZE.paragraph).fillColor('black');
    // First-line indent of two characters, as Chinese prose is set.
    doc.text(paragraph, x, doc.y, { width, indent: FONT_SIZE.paragraph * 2, lineGap: LINE_GAP });
    doc.moveDown(0.5);
  }
  if (section.table) {
    drawTable(doc, section.table);
    doc.moveDown(0.8);
  }
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

interface Cell {
  text: string;
  align: 'left' | 'right' | 'center';
}

function drawTable(doc: Doc, table: TableSpec): void {
  const x0 = doc.page.margins.left;
  const total = contentWidth(doc);
  const weights = columnWidths(table);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (total * w) / weightSum);

  const header: Cell[] = table.columns.map((c) => ({ text: c.header, align: 'center' }));
  const drawHeader = (): void => drawRow(doc, x0, widths, header, { bold: true, fill: HEADER_FILL });

  doc.x = x0;
  if (!fits(doc, rowHeight(doc, widths, header, true) * 2)) doc.addPage();
  drawHeader();

  if (table.rows.length === 0) {
    drawRow(doc, x0, [total], [{ text: '（无记录）', align: 'center' }], { bold: false });
    return;
  }
  for (const row of table.rows) {
    const cells: Cell[] = table.columns.map((c) => {
      const value = row[c.key];
      return { text: cellText(value), align: typeof value === 'number' ? 'right' : 'left' };
    });
    if (!fits(doc, rowHeight(doc, widths, cells, false))) {
      doc.addPage();
      drawHeader();
    }
    drawRow(doc, x0, widths, cells, { bold: false });
  }
  doc.x = x0;
}

function fits(doc: Doc, height: number): boolean {
  return doc.y + height <= bottomLimit(doc);
}

function textOptions(width: number, align: Cell['align']): PDFKit.Mixins.TextOptions {
  return { width: Math.max(1, width - 2 * CELL_PADDING), align, lineGap: 1 };
}

function rowHeight(doc: Doc, widths: number[], cells: Cell[], bold: boolean): number {
  doc.font(bold ? BOLD : REGULAR).fontSize(FONT_SIZE.table);
  const tallest = cells.reduce(
    (max, cell, i) => Math.max(max, doc.heightOfString(cell.text || ' ', textOptions(widths[i], cell.align))),
    0,
  );
  return tallest + 2 * CELL_PADDING;
}

function drawRow(
  doc: Doc,
  x0: number,
  widths: number[],
  cells: Cell[],
  style: { bold: boolean; fill?: string },
) {
  const top = doc.y;
  // A row taller than a whole page is cut at the page foot rather than spilling onto a page of its own.
  const height = Math.min(rowHeight(doc, widths, cells, style.bold), bottomLimit(doc) - top);
  let x = x0;
  doc.lineWidth(0.5);
  cells.forEach((cell, i) => {
    const width = widths[i];
    if (style.fill) doc.rect(x, top, width, height).fillAndStroke(style.fill, GRID_COLOR);
    else doc.rect(x, top, width, height).stroke(GRID_COLOR);
    doc
      .fillColor('black')
      .font(style.bold ? BOLD : REGULAR)
      .fontSize(FONT_SIZE.table);
    doc.text(cell.text, x + CELL_PADDING, top + CELL_PADDING, {
      ...textOptions(width, cell.align),
      height: height - 2 * CELL_PADDING,
      ellipsis: true,
    });
    x += width;
  });
  doc.x = x0;
  doc.y = top + height;
}

function drawPageFooters(doc: Doc, footer: string | undefined): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const x = doc.page.margins.left;
    const width = contentWidth(doc);
    const savedBottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make PDFKit start a new page.
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(FONT_SIZE.footer).fillColor(FOOTER_COLOR);
    const oneLine = { width, align: 'center', height: FONT_SIZE.footer * 1.5, ellipsis: true } as const;
    const pageNumberY = doc.page.height - savedBottom / 2;
    if (footer) doc.text(footer, x, pageNumberY - FONT_SIZE.footer * 1.8, oneLine);
    doc.text(`第 ${i + 1} 页 / 共 ${count} 页`, x, pageNumberY, oneLine);
    doc.page.margins.bottom = savedBottom;
  }
  doc.fillColor('black');
}
