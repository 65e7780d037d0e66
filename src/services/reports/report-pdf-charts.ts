/**
 * Charts drawn by pdfkit in the report PDFs (#13 item 4): vertical bars (grouped series, optionally
 * a cumulative-share line on a 0–100 % axis: the Pareto chart) and lines (the monthly trend). Vector
 * drawing with the report's Chinese font; no image library, nothing rasterised.
 */
import { ensureRoom, INK, MUTED, RULE } from './report-pdf.js';

type Doc = PDFKit.PDFDocument;

export interface ChartSeries {
  name: string;
  color: string;
  values: readonly number[];
}

export interface BarChartSpec {
  title: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** a share line (values 0..1) drawn over the bars on its own axis */
  line?: { name: string; color: string; values: readonly number[] };
  height?: number;
  /** how the axis and the value labels print a value */
  format?: (v: number) => string;
}

export const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'];

/** A round maximum for the axis and its step: 0, 5, 10 … or 0, 2000, 4000 … */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: ticks, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const rounded = Number.isInteger(max) && step < 1 ? 1 : step;
  return { max: Math.ceil(max / rounded) * rounded, step: rounded };
}

const plain = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(1));

interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Title, legend and the plot frame; returns the plot area. */
function frame(doc: Doc, title: string, legend: ReadonlyArray<{ name: string; color: string }>, height: number): Frame {
  ensureRoom(doc, height + 40);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(10.5).fillColor(INK).text(title, left, doc.y, { width });
  let x = left;
  const legendY = doc.y + 3;
  doc.font('regular').fontSize(8);
  for (const l of legend) {
    doc.rect(x, legendY + 1.5, 8, 6).fill(l.color);
    doc.fillColor(MUTED).text(l.name, x + 11, legendY, { lineBreak: false });
    x += 11 + doc.widthOfString(l.name) + 14;
  }
  const top = legendY + 16;
  return { left: left + 38, top, width: width - 38 - 34, height: height - 40 };
}

function axis(doc: Doc, f: Frame, scale: { max: number; step: number }, format: (v: number) => string): void {
  doc.font('regular').fontSize(7.5);
  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
    const y = f.top + f.height - (v / scale.max) * f.height;
    doc
      .lineWidth(0.3)
      .strokeColor(v === 0 ? MUTED : RULE)
      .moveTo(f.left, y)
      .lineTo(f.left + f.width, y)
      .stroke();
    doc.fillColor(MUTED).text(format(v), f.left - 38, y - 4, { width: 34, align: 'right', lineBreak: false });
  }
}

function categoryLabels(doc: Doc, f: Frame, categories: readonly string[]): number {
  const slot = f.width / Math.max(1, categories.length);
  const size = categories.length > 10 ? 6.5 : 7.5;
  doc.font('regular').fontSize(size).fillColor(INK);
  categories.forEach((c, i) => {
    doc.text(c, f.left + i * slot + 1, f.top + f.height + 3, { width: slot - 2, height: size * 2.6, align: 'center', ellipsis: true });
  });
  return f.top + f.height + size * 2.6 + 8;
}

/** Grouped vertical bars with values above them; the optional share line on a right-hand 0–100 % axis. */
export function barChart(doc: Doc, spec: BarChartSpec): void {
  const format = spec.format ?? plain;
  const legend = [...spec.series, ...(spec.line ? [spec.line] : [])];
  const f = frame(doc, spec.title, legend, spec.height ?? 200);
  const max = Math.max(0, ...spec.series.flatMap((s) => s.values));
  const scale = niceScale(max * 1.12); // room above the highest bar for its value
  axis(doc, f, scale, format);
  const slot = f.width / Math.max(1, spec.categories.length);
  const barWidth = Math.min(28, (slot * 0.7) / Math.max(1, spec.series.length));
  const groupWidth = barWidth * spec.series.length;
  doc.font('regular').fontSize(spec.categories.length > 10 ? 6 : 7);
  spec.categories.forEach((_, i) => {
    spec.series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const h = (v / scale.max) * f.height;
      const x = f.left + i * slot + (slot - groupWidth) / 2 + j * barWidth;
      if (h > 0) doc.rect(x, f.top + f.height - h, barWidth - 1, h).fill(s.color);
      doc.fillColor(INK).text(format(v), x - 6, f.top + f.height - h - 9, { width: barWidth + 11, align: 'center', lineBreak: false });
    });
  });
  if (spec.line) {
    const line = spec.line;
    doc.lineWidth(1.2).strokeColor(line.color);
    line.values.forEach((v, i) => {
      const x = f.left + i * slot + slot / 2;
      const y = f.top + f.height - v * f.height;
      if (i === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.stroke();
    line.values.forEach((v, i) => doc.circle(f.left + i * slot + slot / 2, f.top + f.height - v * f.height, 1.8).fill(line.color));
    doc.font('regular').fontSize(7.5).fillColor(MUTED);
    for (const pct of [0, 0.5, 1]) {
      doc.text(`${pct * 100}%`, f.left + f.width + 4, f.top + f.height - pct * f.height - 4, { width: 30, lineBreak: false });
    }
  }
  doc.x = doc.page.margins.left;
  doc.y = categoryLabels(doc, f, spec.categories);
}

/** Lines over months (or any ordered categories), with a dot and the value at each point. */
export function lineChart(
  doc: Doc,
  spec: { title: string; categories: readonly string[]; series: readonly ChartSeries[]; height?: number },
): void {
  const f = frame(doc, spec.title, spec.series, spec.height ?? 190);
  const scale = niceScale(Math.max(0, ...spec.series.flatMap((s) => s.values)) * 1.12);
  axis(doc, f, scale, plain);
  const slot = f.width / Math.max(1, spec.categories.length);
  for (const s of spec.series) {
    doc.lineWidth(1.4).strokeColor(s.color);
    s.values.forEach((v, i) => {
      const x = f.left + i * slot + slot / 2;
      const y = f.top + f.height - (v / scale.max) * f.height;
      if (i === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.stroke();
    doc.font('regular').fontSize(6.5);
    s.values.forEach((v, i) => {
      const x = f.left + i * slot + slot / 2;
      const y = f.top + f.height - (v / scale.max) * f.height;
      doc.circle(x, y, 1.8).fill(s.color);
      doc.fillColor(s.color).text(plain(v), x - 15, y - 10, { width: 30, align: 'center', lineBreak: false });
    });
  }
  doc.x = doc.page.margins.left;
  doc.y = categoryLabels(doc, f, spec.categories);
}

/** One horizontal stacked bar per row (on time / late / open overdue), with the counts inside. */
export function stackedBars(
  doc: Doc,
  spec: {
    title: string;
    rows: ReadonlyArray<{ label: string; parts: readonly number[] }>;
    parts: ReadonlyArray<{ name: string; color: string }>;
  },
): void {
  const rowHeight = 16;
  const f = frame(doc, spec.title, spec.parts, 40 + spec.rows.length * (rowHeight + 6) + 10);
  const labelWidth = 70;
  const width = f.width + 38 - labelWidth;
  const left = f.left - 38 + labelWidth;
  doc.font('regular').fontSize(8);
  spec.rows.forEach((row, i) => {
    const y = f.top + i * (rowHeight + 6);
    const total = row.parts.reduce((s, v) => s + v, 0);
    doc.fillColor(INK).text(row.label, f.left - 38, y + 4, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    let x = left;
    row.parts.forEach((v, j) => {
      const w = total > 0 ? (v / total) * width : 0;
      if (w > 0) doc.rect(x, y, w, rowHeight).fill(spec.parts[j]?.color ?? MUTED);
      if (w > 16) doc.fillColor('#ffffff').text(plain(v), x, y + 4, { width: w, align: 'center', lineBreak: false });
      x += w;
    });
    if (total === 0) doc.fillColor(MUTED).text('—', left, y + 4, { lineBreak: false });
  });
  doc.x = doc.page.margins.left;
  doc.y = f.top + spec.rows.length * (rowHeight + 6) + 8;
}
