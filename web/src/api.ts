/**
 * The plumbing under the typed API client (api/client.ts): the error answer as ApiError, the headers
 * every request carries, the query string the API reads, and the calls not made through openapi-fetch
 * (a POST of a form's body left for the server to check, an upload with progress, a file download).
 * Their paths and answers are the generated ones too.
 */
import type { Answer, DownloadPath, ErrorAnswer, PostPath, Query, UploadPath } from './api/client';

/** A field at fault in an error answer: its path (`body.newPassword`), a stable code, the message. */
export type ApiFieldError = ErrorAnswer['fields'][number];

/** An error answer of the API: {code, message, fields} with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message of a body field (`body.newPassword` or `newPassword`), for a form. */
  fieldMessage(name: string): string | undefined {
    return this.fields.find((f) => f.field === name || f.field === `body.${name}`)?.message;
  }
}

let csrfToken: string | null = null;
let language = 'zh-CN';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(locale: string): void {
  language = locale;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The headers every API request carries: the language, and the CSRF token on writes. */
export function requestHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

/** An error answer as an ApiError ({code, message, fields}); anything else as http_error. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  return toApiError(status, body);
}

function toApiError(status: number, body: unknown): ApiError {
  if (isRecord(body) && typeof body.code === 'string') {
    const fields = Array.isArray(body.fields)
      ? body.fields.filter((f): f is ApiFieldError => isRecord(f) && typeof f.field === 'string')
      : [];
    return new ApiError(status, body.code, typeof body.message === 'string' ? body.message : body.code, fields);
  }
  return new ApiError(status, 'http_error', `HTTP ${status}`);
}

/**
 * A POST with the body a form built from what the user entered (a workflow step, the intake form):
 * the path and the answer are the generated ones; the body is left for the server to check (its
 * field errors go back onto the form's fields), so it is not held to the request schema here.
 */
export async function postForm<P extends PostPath>(
  path: P,
  params: { id?: string },
  body: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer<P, 'post'>> {
  const url = params.id === undefined ? path : path.replace('{id}', encodeURIComponent(params.id));
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...extraHeaders, ...requestHeaders('POST'), 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  const parsed = await parseJson(res);
  if (!res.ok) throw toApiError(res.status, parsed);
  return parsed as Answer<P, 'post'>;
}

/**
 * A multipart upload (an evidence file) with progress: XMLHttpRequest, because fetch reports no
 * upload progress. `onProgress` gets the bytes sent and the total; answers are JSON as usual.
 */
export function apiUpload<P extends UploadPath>(
  path: P,
  params: { id: string },
  form: FormData,
  onProgress: (sent: number, total: number) => void,
): Promise<Answer<P, 'post'>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path.replace('{id}', encodeURIComponent(params.id)));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as Answer<P, 'post'>);
      else reject(toApiError(xhr.status, parsed));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network_error', language.startsWith('en') ? 'The upload failed: network error' : '上传失败：网络错误'));
    xhr.send(form);
  });
}

/** A GET of a file (an export, a printed document): the body as a Blob and the file name the server suggests. */
export async function apiDownload<P extends DownloadPath>(
  path: P,
  query: Query<P, 'get'> | Record<string, never>,
  /** the path's {placeholders}: { id, kind } for /api/complaints/{id}/documents/{kind} */
  pathParams: Record<string, string> = {},
): Promise<{ blob: Blob; fileName: string | null }> {
  const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathParams[name] ?? ''));
  const res = await fetch(`${url}${queryString(query)}`, { headers: { 'accept-language': language }, credentials: 'same-origin' });
  if (!res.ok) throw toApiError(res.status, await parseJson(res));
  const disposition = res.headers.get('content-disposition') ?? '';
  // the UTF-8 name (RFC 5987) wins over the ASCII fallback that comes first in the header
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const ascii = /filename="([^"]+)"/.exec(disposition)?.[1];
  const fileName = utf8 ? decodeURIComponent(utf8) : (ascii ?? null);
  return { blob: await res.blob(), fileName };
}

async function parseJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The query of a request from the set values of a record (arrays joined by commas, as the API expects). */
export function searchParams(params: Record<string, unknown>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length > 0) q.set(k, v.join(','));
    } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') q.set(k, String(v));
  }
  return q;
}

/** `?a=1&b=x,y` from the set values of a record (empty when none is set). */
export function queryString(params: Record<string, unknown>): string {
  const s = searchParams(params).toString();
  return s ? `?${s}` : '';
}
