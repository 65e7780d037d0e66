/**
 * Parsers for calendar imports, one year at a time. Pure: they take the file content and return
 * either the days or a list of problems naming the offending field or line; they never throw on
 * bad input.
 *
 * Accepted formats:
 * - JSON `{ days: [{ date, kind, name }] }` (this system's own export);
 * - JSON in the chinese-days per-year layout `{ holidays: { 'YYYY-MM-DD': 'English,中文,n' },
 *   workdays: {...}, inLieuDays: {...} }` (inLieuDays are already holidays and are ignored);
 * - iCalendar (.ics), see calendar-ics.ts.
 */
import { z } from 'zod';
import type { CalendarDay, DayKind } from './calendar.js';
import { finishImport, invalidYear, type CalendarImportResult, type ImportIssue } from './import-result.js';
import { isValidDateString, yearOf } from '../time/zoned.js';

function ownFormatSchema(year: number) {
  const date = z
    .string()
    .refine(isValidDateString, 'expected a real date YYYY-MM-DD')
    .refine((d) => !isValidDateString(d) || yearOf(d) === year, `date is not in ${year}`);
  const day = z.object({
    date,
    kind: z.enum(['holiday', 'workday']),
    name: z.string().trim().max(100).default(''),
  });
  return z.object({ days: z.array(day) });
}

const chineseDaysSchema = z.object({
  holidays: z.record(z.string(), z.string()).default({}),
  workdays: z.record(z.string(), z.string()).default({}),
  inLieuDays: z.record(z.string(), z.string()).optional(),
});

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

function zodIssues(error: z.ZodError): ImportIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

function isRecord(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

function parseOwnFormat(input: unknown, year: number): CalendarImportResult {
  const parsed = ownFormatSchema(year).safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error) };
  const entries = parsed.data.days.map((day, i) => ({ day, path: `days.${i}` }));
  return finishImport(entries, year);
}

/** 'Spring Festival,春节,4' -> '春节' (falls back to the first field, then to ''). */
function chineseDaysName(value: string): string {
  const fields = value.split(',').map((field) => field.trim());
  return fields[1] || fields[0] || '';
}

/**
 * The chinese-days layout may hold several years (the package's full data file has the same
 * shape): only the dates inside `year` are kept, the others are skipped silently.
 */
function parseChineseDaysFormat(input: unknown, year: number): CalendarImportResult {
  const parsed = chineseDaysSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error) };
  const entries: Array<{ day: CalendarDay; path: string }> = [];
  const errors: ImportIssue[] = [];
  const groups: Array<[DayKind, 'holidays' | 'workdays']> = [
    ['holiday', 'holidays'],
    ['workday', 'workdays'],
  ];
  for (const [kind, key] of groups) {
    for (const [date, value] of Object.entries(parsed.data[key])) {
      const path = `${key}.${date}`;
      if (!isValidDateString(date)) errors.push({ path, message: 'not a real date YYYY-MM-DD' });
      else if (yearOf(date) === year) entries.push({ day: { date, kind, name: chineseDaysName(value) }, path });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return finishImport(entries, year);
}

/** Parses a JSON calendar import (already decoded with JSON.parse) for one year. */
export function parseCalendarJson(input: unknown, year: number): CalendarImportResult {
  const yearProblem = invalidYear(year);
  if (yearProblem) return yearProblem;
  if (isRecord(input) && 'days' in input) return parseOwnFormat(input, year);
  if (isRecord(input) && ('holidays' in input || 'workdays' in input)) {
    return parseChineseDaysFormat(input, year);
  }
  return {
    ok: false,
    errors: [{ path: '', message: 'expected { days: [...] } or { holidays: {...}, workdays: {...} }' }],
  };
}

export { parseCalendarIcs } from './calendar-ics.js';
export type { CalendarImportResult, ImportIssue } from './import-result.js';
