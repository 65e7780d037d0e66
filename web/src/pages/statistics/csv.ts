/**
 * "导出数据": a chart's rows as CSV, built in the browser (#13 item 3). UTF-8 with a byte order mark
 * so Excel opens Chinese text correctly, CRLF lines (RFC 4180), fields quoted when needed, and text
 * that a spreadsheet would take for a formula (=, +, -, @ first) prefixed with an apostrophe.
 * Numbers are written as numbers: rates as percentages with one decimal, money with two decimals.
 */
import type { ChartData, ValueFormat } from './chart-data';

const BOM = '\uFEFF';

function textCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function numberCell(value: number | null, format: ValueFormat): string {
  if (value === null) return '';
  switch (format) {
    case 'rate':
      return (Math.round(value * 1000) / 10).toFixed(1);
    case 'money':
      return value.toFixed(2);
    case 'days':
      return value.toFixed(1);
    case 'count':
      return String(value);
  }
}

/** The header says the unit where a number alone would not (percent, yuan, days). */
export function columnHeader(name: string, format: ValueFormat, units: Record<Exclude<ValueFormat, 'count'>, string>): string {
  return format === 'count' ? name : `${name} (${units[format]})`;
}

/** The CSV text of a chart: one row per category, one column per series. */
export function chartCsv(chart: ChartData, units: Record<Exclude<ValueFormat, 'count'>, string>): string {
  const header = [chart.dimension, ...chart.series.map((s) => columnHeader(s.name, s.format, units))].map(textCell).join(',');
  const lines = chart.categories.map((category, i) =>
    [textCell(category), ...chart.series.map((s) => numberCell(s.values[i] ?? null, s.format))].join(','),
  );
  return `${BOM}${[header, ...lines].join('\r\n')}\r\n`;
}

/** A file name without characters file systems refuse. */
export function csvFileName(...parts: string[]): string {
  return `${parts
    .filter(Boolean)
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '_')}.csv`;
}

/** Saves text as a file (the browser's download). */
export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
