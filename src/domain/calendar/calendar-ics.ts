/**
 * A small iCalendar (RFC 5545) reader for holiday calendars such as the .ics files published by
 * chinese-days or Apple's China holiday calendar. Only what such calendars use is supported:
 * all-day VEVENTs (`DTSTART;VALUE=DATE:YYYYMMDD`, exclusive `DTEND` or `DURATION:PnD`/`PnW`).
 *
 * The kind of an event comes from `X-APPLE-SPECIAL-DAY` (WORK-HOLIDAY = holiday, ALTERNATE-WORKDAY =
 * adjusted working day) or from the SUMMARY suffix: `春节(休)` = holiday, `春节(班)` = working day
 * (full-width brackets accepted). Events with neither marker are skipped with a warning.
 */
import type { CalendarDay, DayKind } from './calendar.js';
import { finishImport, invalidYear, type CalendarImportResult, type ImportIssue } from './import-result.js';
import { addDays, isValidDateString, yearOf } from '../time/zoned.js';

interface ContentLine {
  name: string;
  params: ReadonlyMap<string, string>;
  value: string;
  line: number;
}

interface RawEvent {
  line: number;
  props: ContentLine[];
}

const MAX_EVENT_DAYS = 366;
const APPLE_KINDS: Readonly<Record<string, DayKind>> = {
  'WORK-HOLIDAY': 'holiday',
  'ALTERNATE-WORKDAY': 'workday',
};
const SUMMARY_MARKER = /^(.*?)\s*[(（]\s*(休|班)\s*[)）]\s*$/u;

/** Joins folded lines (a line starting with a space or tab continues the previous one). */
function unfold(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const last = out[out.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw.trim() !== '') out.push({ text: raw, line: i + 1 });
  });
  return out;
}

/** The index of the first ':' that is not inside a double-quoted parameter value. */
function valueSeparator(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ':' && !quoted) return i;
  }
  return -1;
}

function parseContentLine(text: string, line: number): ContentLine | null {
  const colon = valueSeparator(text);
  if (colon < 0) return null;
  const [name = '', ...rawParams] = text.slice(0, colon).split(';');
  const params = new Map<string, string>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq > 0) params.set(param.slice(0, eq).toUpperCase(), param.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  return { name: name.toUpperCase(), params, value: text.slice(colon + 1), line };
}

/** Splits the file into VEVENTs; properties of nested components (VALARM) are ignored. */
function collectEvents(text: string): { events: RawEvent[]; errors: ImportIssue[] } {
  const events: RawEvent[] = [];
  const errors: ImportIssue[] = [];
  const stack: string[] = [];
  for (const { text: raw, line } of unfold(text)) {
    const content = parseContentLine(raw, line);
    if (!content) {
      errors.push({ path: `line ${line}`, message: 'not an iCalendar content line (NAME:value)' });
      continue;
    }
    const component = content.value.trim().toUpperCase();
    if (content.name === 'BEGIN') {
      stack.push(component);
      if (component === 'VEVENT') events.push({ line, props: [] });
    } else if (content.name === 'END') {
      if (stack.pop() !== component) errors.push({ path: `line ${line}`, message: `unexpected END:${component}` });
    } else if (stack[stack.length - 1] === 'VEVENT') {
      events[events.length - 1]?.props.push(content);
    }
  }
  if (stack.length > 0) errors.push({ path: 'end of file', message: `BEGIN:${stack.pop()} is never closed` });
  if (events.length === 0 && errors.length === 0) errors.push({ path: '', message: 'no VEVENT found' });
  return { events, errors };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

function prop(event: RawEvent, name: string): ContentLine | undefined {
  return event.props.find((p) => p.name === name);
}

/** 'YYYYMMDD' -> 'YYYY-MM-DD'; a string starting with 'error:' otherwise. */
function parseIcsDate(content: ContentLine): string {
  const value = content.value.trim();
  if (/^\d{8}T\d{6}Z?$/.test(value)) return 'error:only all-day dates (VALUE=DATE) are supported';
  const date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  if (!/^\d{8}$/.test(value) || !isValidDateString(date)) return `error:invalid date '${value}'`;
  return date;
}

function durationDays(value: string): number | null {
  const m = /^P(\d+)([DW])$/.exec(value.trim().toUpperCase());
  if (!m) return null;
  return Number(m[1]) * (m[2] === 'W' ? 7 : 1);
}

type Outcome<T> = { ok: true; value: T } | { ok: false; issue: ImportIssue };

function fail<T>(line: number, message: string): Outcome<T> {
  return { ok: false, issue: { path: `line ${line}`, message } };
}

/** The event's dates as [first, end) with `end` exclusive. */
function eventRange(event: RawEvent): Outcome<{ first: string; count: number }> {
  const start = prop(event, 'DTSTART');
  if (!start) return fail(event.line, 'VEVENT without DTSTART');
  const first = parseIcsDate(start);
  if (first.startsWith('error:')) return fail(start.line, `DTSTART: ${first.slice(6)}`);
  const end = prop(event, 'DTEND');
  const duration = prop(event, 'DURATION');
  let count = 1;
  if (end) {
    const last = parseIcsDate(end);
    if (last.startsWith('error:')) return fail(end.line, `DTEND: ${last.slice(6)}`);
    count = Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000);
  } else if (duration) {
    count = durationDays(duration.value) ?? NaN;
  }
  if (!(count >= 1 && count <= MAX_EVENT_DAYS)) {
    return fail((end ?? duration ?? start).line, `event must last 1 to ${MAX_EVENT_DAYS} whole days`);
  }
  return { ok: true, value: { first, count } };
}

/** Kind and name from X-APPLE-SPECIAL-DAY and SUMMARY; null when the event has no marker. */
function eventKind(event: RawEvent): Outcome<{ kind: DayKind; name: string } | null> {
  const summary = unescapeText(prop(event, 'SUMMARY')?.value ?? '').trim();
  const marker = SUMMARY_MARKER.exec(summary);
  const fromSummary: DayKind | undefined = marker ? (marker[2] === '休' ? 'holiday' : 'workday') : undefined;
  const apple = prop(event, 'X-APPLE-SPECIAL-DAY');
  const fromApple = apple ? APPLE_KINDS[apple.value.trim().toUpperCase()] : undefined;
  if (fromApple && fromSummary && fromApple !== fromSummary) {
    return fail(event.line, `SUMMARY '${summary}' contradicts X-APPLE-SPECIAL-DAY:${apple?.value}`);
  }
  const kind = fromApple ?? fromSummary;
  if (!kind) return { ok: true, value: null };
  return { ok: true, value: { kind, name: (marker?.[1] ?? summary).trim() } };
}

function eventDays(event: RawEvent, year: number): Outcome<CalendarDay[] | null> {
  const range = eventRange(event);
  if (!range.ok) return range;
  const kind = eventKind(event);
  if (!kind.ok) return kind;
  if (!kind.value) return { ok: true, value: null };
  const days: CalendarDay[] = [];
  for (let i = 0; i < range.value.count; i++) {
    const date = addDays(range.value.first, i);
    if (yearOf(date) === year) days.push({ date, ...kind.value });
  }
  return { ok: true, value: days };
}

/** Parses an .ics holiday calendar and keeps the days that fall inside `year`. */
export function parseCalendarIcs(text: string, year: number): CalendarImportResult {
  const yearProblem = invalidYear(year);
  if (yearProblem) return yearProblem;
  const { events, errors } = collectEvents(text);
  const warnings: ImportIssue[] = [];
  const entries: Array<{ day: CalendarDay; path: string }> = [];
  for (const event of events) {
    const result = eventDays(event, year);
    if (!result.ok) errors.push(result.issue);
    else if (result.value === null) {
      const summary = prop(event, 'SUMMARY')?.value ?? '';
      warnings.push({ path: `line ${event.line}`, message: `event '${summary}' has no 休/班 marker; skipped` });
    } else {
      for (const day of result.value) entries.push({ day, path: `line ${event.line}` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return finishImport(entries, year, warnings);
}
