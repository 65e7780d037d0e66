/**
 * The portal's calls to the public API (no cookie, no CSRF: public routes; a verified session is a
 * Bearer token). Every call answers data, never throws: `{ ok: true, value }` or a Failure with the
 * server's code, message, field errors and, for 429, the wait in seconds.
 */
import type { Locale } from '../i18n/locale';
import type {
  CodeRequest,
  CodeSent,
  FieldError,
  IntakeOptions,
  PortalComplaint,
  Session,
  SessionRequest,
  SurveyAnswer,
  TrackView,
} from './types';

export interface Failure {
  ok: false;
  /** 0: no answer (network) */
  status: number;
  code: string;
  message: string;
  fields: FieldError[];
  /** 429: how long to wait, from the body's retryAfterSeconds or the Retry-After header */
  retryAfterSeconds: number | null;
}
export type Result<T> = { ok: true; value: T } | Failure;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export const networkFailure: Failure = {
  ok: false,
  status: 0,
  code: 'network',
  message: '',
  fields: [],
  retryAfterSeconds: null,
};

/** A refusal as data: the error body `{code, message, fields, …}` and the Retry-After header. */
export function failureOf(status: number, body: unknown, retryAfter: string | null): Failure {
  const header = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null;
  if (!isRecord(body) || typeof body.code !== 'string') {
    return { ok: false, status, code: 'http_error', message: '', fields: [], retryAfterSeconds: header };
  }
  const fields = Array.isArray(body.fields)
    ? body.fields.filter((f): f is FieldError => isRecord(f) && typeof f.field === 'string' && typeof f.message === 'string')
    : [];
  const inBody = typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : null;
  return {
    ok: false,
    status,
    code: body.code,
    message: typeof body.message === 'string' ? body.message : '',
    fields,
    retryAfterSeconds: inBody ?? header,
  };
}

export function headersFor(locale: Locale, token?: string): Record<string, string> {
  return { accept: 'application/json', 'accept-language': locale, ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

async function call<T>(
  method: 'GET' | 'POST',
  url: string,
  locale: Locale,
  opts: { body?: unknown; token?: string } = {},
): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'omit',
      headers: { ...headersFor(locale, opts.token), ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    return networkFailure;
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, value: body as T };
  return failureOf(res.status, body, res.headers.get('retry-after'));
}

/** POST /api/public/track: the status by number and contact, without a code (the first portal's lookup). */
export function trackComplaint(number: string, contact: string, locale: Locale): Promise<Result<TrackView>> {
  return call('POST', '/api/public/track', locale, { body: { number, contact } });
}

/** GET /api/public/intake-options: business lines and categories in words, attachment limits, code rules. */
export function intakeOptions(locale: Locale): Promise<Result<IntakeOptions>> {
  return call('GET', '/api/public/intake-options', locale);
}

/** POST /api/public/codes: a one-time code to the contact (for 'track', only when number and contact match). */
export function requestCode(body: CodeRequest, locale: Locale): Promise<Result<CodeSent>> {
  return call('POST', '/api/public/codes', locale, { body });
}

/** POST /api/public/sessions: the code exchanged for a session token. */
export function openSession(body: SessionRequest, locale: Locale): Promise<Result<Session>> {
  return call('POST', '/api/public/sessions', locale, { body });
}

/** GET /api/public/complaints/{number}: status, stages, the thread and the survey, with a track token. */
export function complaintView(number: string, token: string, locale: Locale): Promise<Result<PortalComplaint>> {
  return call('GET', `/api/public/complaints/${encodeURIComponent(number)}`, locale, { token });
}

/** POST /api/public/complaints/{number}/survey: the customer's own satisfaction answer. */
export function answerSurvey(number: string, token: string, body: SurveyAnswer, locale: Locale): Promise<Result<{ ok: true }>> {
  return call('POST', `/api/public/complaints/${encodeURIComponent(number)}/survey`, locale, { body, token });
}
