/** The result shape shared by the calendar import parsers (JSON and iCalendar). */
import type { CalendarDay } from './calendar.js';

export interface ImportIssue {
  path: string; // field path such as 'days.3.date', or 'line 42' for text formats
  message: string;
}

export type CalendarImportResult = { ok: true; days: CalendarDay[]; warnings: ImportIssue[] } | { ok: false; errors: ImportIssue[] };

/**
 * Checks and sorts parsed days: a date may occur once per kind (repeats are dropped), never with
 * both kinds; an import without any day for the year is refused (most likely the wrong file).
 */
export function finishImport(
  entries: ReadonlyArray<{ day: CalendarDay; path: string }>,
  year: number,
  warnings: ImportIssue[] = [],
): CalendarImportResult {
  const byDate = new Map<string, CalendarDay>();
  const errors: ImportIssue[] = [];
  for (const { day, path } of entries) {
    const seen = byDate.get(day.date);
    if (!seen) byDate.set(day.date, day);
    else if (seen.kind !== day.kind) {
      errors.push({ path, message: `${day.date} is listed both as holiday and as working day` });
    }
  }
  if (errors.length === 0 && byDate.size === 0) {
    errors.push({ path: '', message: `no calendar days for ${year}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ok: true, days, warnings };
}

/** The year an import is for must be a plausible calendar year. */
export function invalidYear(year: number): CalendarImportResult | null {
  if (Number.isInteger(year) && year >= 1900 && year <= 2200) return null;
  return { ok: false, errors: [{ path: 'year', message: `invalid year ${year}` }] };
}
