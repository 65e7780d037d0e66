/** The API client: same-origin fetch with the session cookie, CSRF token on writes, our error JSON. */

export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

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

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { body: JSON.stringify(body), contentType: 'application/json' }, headers);
}

/** A write with a body that is not JSON (an .ics file as text/calendar, say); answers are JSON as usual. */
export async function apiRaw<T>(method: 'POST' | 'PUT', path: string, body: string | Blob, contentType: string): Promise<T> {
  return send<T>(method, path, { body, contentType });
}

/**
 * A multipart upload (an evidence file) with progress: XMLHttpRequest, because fetch reports no
 * upload progress. `onProgress` gets the bytes sent and the total; answers are JSON as usual.
 */
export function apiUpload<T>(path: string, form: FormData, onProgress: (sent: number, total: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
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
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(toApiError(xhr.status, parsed));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network_error', language.startsWith('en') ? 'The upload failed: network error' : '上传失败：网络错误'));
    xhr.send(form);
  });
}

/** A GET of a file (an export): the body as a Blob and the file name the server suggests. */
export async function apiDownload(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const res = await fetch(path, { headers: { 'accept-language': language }, credentials: 'same-origin' });
  if (!res.ok) throw toApiError(res.status, await parseJson(res));
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="([^"]+)"/.exec(disposition);
  const fileName = match ? decodeURIComponent(match[1] ?? match[2] ?? '') : null;
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

async function send<T>(
  method: string,
  path: string,
  payload?: { body: string | Blob; contentType: string },
  extra: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { ...extra, accept: 'application/json', 'accept-language': language };
  if (payload) headers['content-type'] = payload.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: payload?.body });
  const parsed = await parseJson(res);
  if (!res.ok) throw toApiError(res.status, parsed);
  return parsed as T;
}

/** A query string from the set values of a record (arrays joined by commas, as the API expects). */
export function queryString(params: Record<string, string | number | readonly (string | number)[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length > 0) q.set(k, v.join(','));
    } else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
