/**
 * One action's form, described as data: its fields (how to ask) and how to build the request body
 * from the form values. The drawer renders the fields, posts the body and puts the server's field
 * errors on the matching fields.
 */
import type { StepName } from '../../../api/client';
import type { MessageKey } from '../../../i18n/dictionary';
import type { I18n } from '../../../i18n/i18n';
import type { FullDetail, Milestone, RecordView, RelatedComplaint } from '../complaint-types';

export type NamePath = string | readonly (string | number)[];

export interface Option {
  value: string;
  label: string;
}

/** What option lists and defaults are built from. */
export interface ActionContext {
  detail: FullDetail;
  records: RecordView[];
  milestones: Milestone[];
  related: RelatedComplaint[];
  causes: Option[];
  regulatoryDays: number[];
  i18n: I18n;
  /** the signed-in user's permissions (fields only some may fill: a rectification request needs inspection.manage) */
  permissions?: readonly string[];
}

interface Base {
  name: NamePath;
  label: MessageKey;
  required?: boolean;
  /** shown under the field */
  help?: MessageKey;
  /** shown only when this holds for the complaint (e.g. reopening the original of a complaint about handling) */
  when?: (ctx: ActionContext) => boolean;
}

export type Field =
  | (Base & { kind: 'text' | 'textarea' | 'money' | 'datetime' })
  | (Base & { kind: 'number'; min?: number; max?: number })
  /** fixed codes, labelled `${prefix}.${code}` */
  | (Base & { kind: 'enum'; values: readonly string[]; prefix: string; radio?: boolean })
  /** options from the complaint's data (pending requests, open milestones…) */
  /** `free`: typed text is accepted too (suggestions only) */
  | (Base & { kind: 'select'; options: (ctx: ActionContext) => Option[]; multiple?: boolean; free?: boolean })
  | (Base & { kind: 'yesNo'; yes: MessageKey; no: MessageKey })
  | (Base & { kind: 'checkbox'; text: MessageKey })
  /** a username (from GET /api/users when allowed, typed otherwise); several with `multiple` */
  | (Base & { kind: 'user'; multiple?: boolean })
  | (Base & { kind: 'departments'; multiple?: boolean })
  | (Base & { kind: 'causes' })
  /** free words, each one entry of a list */
  | (Base & { kind: 'tags' })
  /** one file (a File), checked against the server's limits when chosen, sent by the spec's `upload` */
  | (Base & { kind: 'file' })
  /** the leadership meeting's milestones: title, owner, due time */
  | (Base & { kind: 'milestones' });

export type FormValues = Record<string, unknown>;

export interface ActionSpec {
  action: string;
  /** the URL step: POST /api/complaints/{id}/{path} (one the API declares) */
  path: StepName;
  fields: readonly Field[];
  initial?: (ctx: ActionContext) => FormValues;
  body: (values: FormValues, ctx: ActionContext) => unknown;
  /** add_evidence: a multipart upload with progress instead of the JSON body (the API's one multipart step) */
  upload?: (values: FormValues) => FormData;
  /** explanation shown above the form */
  intro?: MessageKey;
  danger?: boolean;
}

/** The step's URL segment: record_meeting -> record-meeting. */
export const dashed = (action: string) => action.replaceAll('_', '-');

// Reading form values without trusting their type.

/** A trimmed text, or undefined when empty (so optional fields are left out of the body). */
export function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s === '' ? undefined : s;
}

/** A required text: an empty one is sent as "" so the server names the field. */
export const mustText = (v: unknown): string => text(v) ?? '';

export function texts(v: unknown): string[] {
  return Array.isArray(v) ? v.map(text).filter((s): s is string => s !== undefined) : [];
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/**
 * A datetime-local value ("2026-11-25T10:00", the browser's local time) as an ISO instant; a value
 * that is not a time goes as typed so the server says what is wrong with it.
 */
export function instant(v: unknown): string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? s : new Date(ms).toISOString();
}

/** An instant as the value of a datetime-local input, in the browser's time zone. */
export function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Drops undefined members, so optional fields left empty are not sent. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function recordsOf(ctx: ActionContext, kind: string, status?: string): RecordView[] {
  return ctx.records.filter((r) => r.kind === kind && (status === undefined || r.status === status));
}

export function str(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}
