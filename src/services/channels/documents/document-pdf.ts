/**
 * The layout of printed documents (#11 item 9): A4 portrait, Simplified Chinese, the company's name
 * and the title at the top, the facts of the complaint in a ruled table, the text, the portal link
 * with its QR code, and the company's signature with the date of issue. pdfkit with Noto Sans SC
 * (document-fonts.ts), embedded as a subset; no standard PDF font is used.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { DOCUMENT_TITLES, type DocumentKind } from '../../../domain/documents/printed-documents.js';
import { documentFonts } from './document-fonts.js';

/** Everything a document prints, as finished text (dates already in Chinese form). */
export interface DocumentContent {
  kind: DocumentKind;
  companyName: string;
  number: string;
  complainantName: string;
  /** the date of issue, above the signature */
  issuedOn: string;
  /** paragraphs above the facts table (each indented by two characters, as Chinese letters are) */
  intro: readonly string[];
  /** label: value rows of the facts table */
  facts: ReadonlyArray<readonly [string, string]>;
  /** paragraphs below the facts table */
  body: readonly string[];
  /** the lines above the link and QR code */
  trackingNote: string;
  trackingLink: string;
  /** the line below the signature */
  footnote: string;
}

const MM = 72 / 25.4;
const MARGIN = { top: 25 * MM, bottom: 22 * MM, left: 25 * MM, right: 22 * MM };
const INK = '#1f1f1f';
const MUTED = '#595959';
const RULE = '#8c8c8c';
const BODY_SIZE = 11.5;
const QR_SIZE = 30 * MM;

/** The document as PDF bytes. */
export async function renderDocumentPdf(content: DocumentContent): Promise<Buffer> {
  const [fonts, qr] = await Promise.all([
    documentFonts(),
    QRCode.toBuffer(content.trackingLink, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 360 }),
  ]);
  const title = DOCUMENT_TITLES[content.kind].zh;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `${title} ${content.number}`, Author: content.companyName, Subject: title, Creator: content.companyName },
    autoFirstPage: false,
    bufferPages: true, // page numbers are written once the number of pages is known
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
  doc.font('regular');
  layout(doc, content, title, qr);
  pageNumbers(doc, content.number);
  doc.end();
  return done;
}

function layout(doc: PDFKit.PDFDocument, c: DocumentContent, title: string, qr: Buffer): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // heading: company, title, a double rule
  doc.font('bold').fontSize(15).fillColor(INK).text(c.companyName, left, doc.page.margins.top, { width, align: 'center' });
  doc.moveDown(0.3).fontSize(22).text(title, { width, align: 'center' });
  doc.moveDown(0.2).font('regular').fontSize(9.5).fillColor(MUTED).text(`编号：${c.number}`, { width, align: 'right' });
  const ruleY = doc.y + 4;
  doc
    .lineWidth(1.2)
    .strokeColor(INK)
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .stroke();
  doc
    .lineWidth(0.4)
    .moveTo(left, ruleY + 2.5)
    .lineTo(left + width, ruleY + 2.5)
    .stroke();
  doc.y = ruleY + 16;

  doc.font('regular').fontSize(BODY_SIZE).fillColor(INK).text(`尊敬的 ${c.complainantName}：`, left, doc.y, { width });
  doc.moveDown(0.5);
  paragraphs(doc, c.intro, left, width);
  doc.moveDown(0.4);
  factsTable(doc, c.facts, left, width);
  doc.moveDown(0.8);
  paragraphs(doc, c.body, left, width);

  // the portal: the note and link on the left, the QR code on the right
  doc.moveDown(0.6);
  ensureRoom(doc, QR_SIZE + 110);
  const top = doc.y;
  const textWidth = width - QR_SIZE - 16;
  doc.fontSize(10.5).fillColor(INK).text(c.trackingNote, left, top, { width: textWidth, lineGap: 3 });
  doc.moveDown(0.3).fontSize(9.5).fillColor('#0958d9').text(c.trackingLink, { width: textWidth, link: c.trackingLink, underline: false });
  doc.image(qr, left + width - QR_SIZE, top, { width: QR_SIZE, height: QR_SIZE });
  doc
    .fontSize(8)
    .fillColor(MUTED)
    .text('扫码查询进度', left + width - QR_SIZE, top + QR_SIZE + 2, { width: QR_SIZE, align: 'center' });
  doc.y = Math.max(doc.y, top + QR_SIZE + 14);

  // signature, date, footnote
  doc.moveDown(1.5).font('regular').fontSize(BODY_SIZE).fillColor(INK);
  const signWidth = width * 0.5;
  doc.text(c.companyName, left + width - signWidth, doc.y, { width: signWidth, align: 'right' });
  doc.moveDown(0.3).text(c.issuedOn, left + width - signWidth, doc.y, { width: signWidth, align: 'right' });
  doc.moveDown(1.5).fontSize(8.5).fillColor(MUTED).text(c.footnote, left, doc.y, { width });
}

/** A long letter: the number and "第 n 页 共 m 页" at the foot of every page. */
function pageNumbers(doc: PDFKit.PDFDocument, number: string): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    const text = `${number}  第 ${i - range.start + 1} 页 共 ${range.count} 页`;
    doc.font('regular').fontSize(8.5).fillColor(MUTED);
    doc.text(text, left, doc.page.height - bottom / 2, { width: doc.page.width - left - right, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** Body text: 11.5 pt, justified, the first line of each paragraph indented by two characters. */
function paragraphs(doc: PDFKit.PDFDocument, texts: readonly string[], left: number, width: number): void {
  doc.font('regular').fontSize(BODY_SIZE).fillColor(INK);
  for (const text of texts) doc.text(text, left, doc.y, { width, indent: BODY_SIZE * 2, lineGap: 4, paragraphGap: 6, align: 'justify' });
}

/** A new page when less than `height` points are left above the bottom margin. */
function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Two columns, label and value, ruled, the label column shaded. */
function factsTable(doc: PDFKit.PDFDocument, rows: DocumentContent['facts'], left: number, width: number): void {
  const labelWidth = 32 * MM;
  const pad = 6;
  doc.fontSize(10.5);
  let y = doc.y;
  doc.lineWidth(0.5).strokeColor(RULE);
  for (const [label, value] of rows) {
    const valueWidth = width - labelWidth - pad * 2;
    const height =
      Math.max(doc.heightOfString(value, { width: valueWidth }), doc.heightOfString(label, { width: labelWidth - pad * 2 })) + pad * 2;
    if (y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    doc.rect(left, y, labelWidth, height).fillAndStroke('#f5f5f5', RULE);
    doc.rect(left + labelWidth, y, width - labelWidth, height).stroke();
    doc.fillColor(MUTED).text(label, left + pad, y + pad, { width: labelWidth - pad * 2 });
    doc.fillColor(INK).text(value, left + labelWidth + pad, y + pad, { width: valueWidth });
    y += height;
  }
  doc.x = left;
  doc.y = y;
}
