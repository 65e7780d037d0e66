import type { Locale } from '../i18n/locale';
import type { TrackAnswer, TrackFieldError, TrackView } from './types';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** POST /api/public/track: no cookie, no CSRF (a public route); errors come back as data. */
export async function trackComplaint(number: string, contact: string, locale: Locale): Promise<TrackAnswer> {
  let res: Response;
  try {
    res = await fetch('/api/public/track', {
      method: 'POST',
      credentials: 'omit',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'accept-language': locale },
      body: JSON.stringify({ number, contact }),
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: '', fields: [] };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, view: body as TrackView };
  if (isRecord(body) && typeof body.code === 'string') {
    const fields = Array.isArray(body.fields)
      ? body.fields.filter((f): f is TrackFieldError => isRecord(f) && typeof f.field === 'string' && typeof f.message === 'string')
      : [];
    return { ok: false, status: res.status, code: body.code, message: typeof body.message === 'string' ? body.message : '', fields };
  }
  return { ok: false, status: res.status, code: 'http_error', message: '', fields: [] };
}
