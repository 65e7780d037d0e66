/**
 * The report PDFs' page (#13 items 4 and 5): A4 portrait, Simplified Chinese in Noto Sans SC from
 * npm (document-fonts.ts, embedded as a subset, as the printed documents), a cover block with the
 * company, title, period and state (草稿 / 定稿), section headings, paragraphs, ruled tables and the
 * page foot "标题 第 n 页 共 m 页". A draft carries a light "草稿" mark on every page.
 */
import PDFDocument from 'pdfkit';
import { documentFonts } from '../channels/documents/document-fonts.js';

export const MM = 72 / 25.4;
export const INK = '#1f1f1f';
export const MUTED = '#595959';
export const RULE = '#bfbfbf';
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM };

export interface ReportPdfMeta {
  companyName: string;
  title: string;
  /** under the title: the period, the version */
  subtitle: string;
  final: boolean;
  /** "生成时间 …", "定稿 …" */
  lines: readonly string[];
}

export interface ReportPdf {
  doc: PDFKit.PDFDocument;
  /** page numbers and marks, then the bytes */
  finish(): Promise<Buffer>;
}

export async function startReportPdf(meta: ReportPdfMeta): Promise<ReportPdf> {
  const fonts = await documentFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: meta.title, Author: meta.companyName, Subject: meta.subtitle, Creator: meta.companyName },
    autoFirstPage: false,
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.addPage();
  cover(doc, meta);
  return {
    doc,
    finish: async () => {
      foot(doc, meta);
      doc.end();
      return done;
    },
  };
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function cover(doc: PDFKit.PDFDocument, meta: ReportPdfMeta): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('bold').fontSize(13).fillColor(MUTED).text(meta.companyName, left, doc.page.margins.top, { width, align: 'center' });
  doc.moveDown(0.3).fontSize(20).fillColor(INK).text(meta.title, { width, align: 'center' });
  doc.moveDown(0.2).font('regular').fontSize(10.5).fillColor(MUTED).text(meta.subtitle, { width, align: 'center' });
  doc
    .moveDown(0.2)
    .fontSize(9)
    .text([meta.final ? '定稿' : '草稿', ...meta.lines].join('    '), { width, align: 'center' });
  const y = doc.y + 6;
  doc
    .lineWidth(1.2)
    .strokeColor(INK)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  doc.y = y + 12;
}

function foot(doc: PDFKit.PDFDocument, meta: ReportPdfMeta): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    doc.page.margins.bottom = 0; // writing in the margin must not open a page
    if (!meta.final) {
      doc.save();
      doc.font('bold').fontSize(64).fillColor('#d9d9d9').fillOpacity(0.35);
      doc.rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.text('草稿', 0, doc.page.height / 2 - 40, { width: doc.page.width, align: 'center', lineBreak: false });
      doc.restore();
    }
    const text = `${meta.title}  第 ${i - range.start + 1} 页 共 ${range.count} 页`;
    doc.font('regular').fontSize(8).fillColor(MUTED).fillOpacity(1);
    doc.text(text, left, doc.page.height - bottom / 2, { width: doc.page.width - left - right, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** A new page when less than `height` points are left above the bottom margin. */
export function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** A numbered section heading: "一、受理量与结构". */
export function heading(doc: PDFKit.PDFDocument, text: string): void {
  // a heading keeps the start of its section (a chart's height) on its page
  ensureRoom(doc, 260);
  doc.moveDown(0.6);
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(INK)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function subheading(doc: PDFKit.PDFDocument, text: string): void {
  ensureRoom(doc, 50);
  doc.moveDown(0.3);
  doc
    .font('bold')
    .fontSize(10.5)
    .fillColor(INK)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

/** Body text, the first line indented by two characters. */
export function paragraph(doc: PDFKit.PDFDocument, text: string, opts: { muted?: boolean; indent?: boolean } = {}): void {
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(opts.muted ? MUTED : INK);
  doc.text(text, doc.page.margins.left, doc.y, {
    width: contentWidth(doc),
    indent: opts.indent === false ? 0 : 20,
    lineGap: 3,
    paragraphGap: 4,
    align: 'justify',
  });
}

export interface Column {
  header: string;
  /** a share of the width */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A ruled table with a shaded header row, repeated on each new page. */
export function table(doc: PDFKit.PDFDocument, columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * width);
  const pad = 3;
  doc.font('regular').fontSize(8.5);
  const heightOf = (cells: readonly string[]) =>
    Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 20) - pad * 2 }))) + pad * 2;
  const drawRow = (cells: readonly string[], y: number, head: boolean): number => {
    const h = heightOf(cells);
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 20;
      if (head) doc.rect(x, y, w, h).fillAndStroke('#f0f0f0', RULE);
      else doc.lineWidth(0.4).rect(x, y, w, h).stroke(RULE);
      doc
        .font(head ? 'bold' : 'regular')
        .fillColor(INK)
        .text(cell, x + pad, y + pad, { width: w - pad * 2, align: head ? 'center' : (columns[i]?.align ?? 'left') });
      x += w;
    });
    return y + h;
  };
  const headers = columns.map((c) => c.header);
  ensureRoom(doc, heightOf(headers) * 3);
  let y = drawRow(headers, doc.y, true);
  for (const row of rows) {
    if (y + heightOf(row) > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = drawRow(headers, doc.page.margins.top, true);
    }
    y = drawRow(row, y, false);
  }
  if (rows.length === 0) {
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text('（无）', left + pad, y + pad, { width });
    y = doc.y + pad;
  }
  doc.x = left;
  doc.y = y + 6;
}
