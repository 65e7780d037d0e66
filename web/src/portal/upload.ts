/**
 * Multipart sends with upload progress (XMLHttpRequest: fetch has no upload events): a new complaint
 * with its files, and information added to a complaint being tracked.
 */
import type { Locale } from '../i18n/locale';
import { failureOf, headersFor, networkFailure, type Result } from './api';
import type { Added, NewComplaint, Receipt } from './types';

/** Bytes sent so far out of the total; null when the browser cannot tell. */
export type Progress = (fraction: number | null) => void;

function send<T>(url: string, form: FormData, locale: Locale, token: string, onProgress: Progress) {
  return new Promise<Result<T>>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = false;
    for (const [name, value] of Object.entries(headersFor(locale, token))) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (e) => onProgress(e.lengthComputable && e.total > 0 ? e.loaded / e.total : null));
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the failure below says so by its status
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, value: body as T });
      else resolve(failureOf(xhr.status, body, xhr.getResponseHeader('retry-after')));
    });
    xhr.addEventListener('error', () => resolve(networkFailure));
    xhr.addEventListener('abort', () => resolve(networkFailure));
    xhr.send(form);
  });
}

/**
 * POST /api/public/complaints: the complaint (JSON in the field `complaint`) and its files. A retry
 * with the same session answers the complaint registered first, so a lost answer never registers it twice.
 */
export function submitComplaint(
  token: string,
  complaint: NewComplaint,
  files: readonly File[],
  locale: Locale,
  onProgress: Progress,
): Promise<Result<Receipt>> {
  const form = new FormData();
  form.append('complaint', JSON.stringify(complaint));
  for (const f of files) form.append('files', f, f.name);
  return send('/api/public/complaints', form, locale, token, onProgress);
}

/** POST /api/public/complaints/{number}/messages: more information and files from the customer. */
export function addInformation(
  number: string,
  token: string,
  text: string,
  files: readonly File[],
  locale: Locale,
  onProgress: Progress,
): Promise<Result<Added>> {
  const form = new FormData();
  form.append('text', text);
  for (const f of files) form.append('files', f, f.name);
  return send(`/api/public/complaints/${encodeURIComponent(number)}/messages`, form, locale, token, onProgress);
}
