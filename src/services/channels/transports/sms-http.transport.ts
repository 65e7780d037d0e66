/**
 * A generic HTTP SMS gateway (#11 item 4): one request per message, configured without code
 * (SMS_HTTP_URL, method, content type, body template, auth header, success condition, id path), so
 * most Chinese gateways fit.
 *
 * The body template's placeholders are replaced by the values, escaped for the content type
 * (JSON string escapes for JSON, URL-encoding for forms and for GET, XML escapes for XML):
 *   {{text}}       the text as the recipient sees it, signature first: 【公司名】您的投诉…
 *   {{content}}    the text without the signature, for gateways that take the signature apart
 *   {{signature}}  the signature, 【公司名】
 *   {{phone}}      the mobile number
 *   {{key}}        the message's idempotency key (the same on every attempt)
 * For GET the filled template is the query string. Every request carries X-Idempotency-Key.
 *
 * Personal data: the transport sends the rendered text it is given and the number, nothing else;
 * what the text holds is the template's business (message-templates.ts keeps to what each
 * template needs). Error messages never carry the full number (138****5678).
 *
 * Outcomes: 5xx, 408, 429, a timeout or no connection are temporary; another 4xx is permanent
 * (the request itself is wrong); a 2xx that fails the success condition ("code":1 in the answer)
 * is temporary, with the start of the answer in the message.
 */
import { maskPhone as maskedPhone } from '../../../domain/personal-data/masking.js';
import { smsSegments, withSignature } from '../../../domain/messages/sms.js';

const maskPhone = (phone: string): string => maskedPhone(phone) ?? '****';
import type { SmsHttpSettings } from '../channel-settings.js';
import { TransportError, type OutgoingSms, type SendResult, type SmsTransport } from './transport.js';

export interface HttpSmsOptions {
  /** how long one request may take, answer included (10 s) */
  timeoutMs?: number;
}

export type SuccessCondition =
  | { kind: 'status-2xx' }
  | { kind: 'status'; status: number }
  | { kind: 'json'; path: string[]; value: string }
  | { kind: 'body'; text: string };

const PLACEHOLDERS = ['phone', 'text', 'content', 'signature', 'key'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const HEADER_PATTERN = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(\S.*)$/;
const SNIPPET_LENGTH = 200;

/** Reads SMS_HTTP_SUCCESS: "status:2xx", "status:200", "json:code=0", "json:result.status=OK", "body:~OK". */
export function parseSuccessCondition(condition: string): SuccessCondition {
  const c = condition.trim();
  if (c === '' || c === 'status:2xx') return { kind: 'status-2xx' };
  const status = /^status:([1-5]\d\d)$/.exec(c);
  if (status?.[1] !== undefined) return { kind: 'status', status: Number(status[1]) };
  const json = /^json:([^=]+)=(.*)$/.exec(c);
  if (json?.[1] !== undefined && json[2] !== undefined) {
    const path = json[1].trim().split('.');
    if (path.every((p) => p !== '')) return { kind: 'json', path, value: json[2] };
  }
  const body = /^body:~(.+)$/.exec(c);
  if (body?.[1] !== undefined) return { kind: 'body', text: body[1] };
  throw new Error(`SMS_HTTP_SUCCESS "${condition}" is none of status:2xx, status:NNN, json:path.to.field=value, body:~text`);
}

/** Reads SMS_HTTP_AUTH_HEADER, "Name: value". */
export function parseAuthHeader(header: string): [string, string] {
  const match = HEADER_PATTERN.exec(header.trim());
  if (match?.[1] === undefined || match[2] === undefined)
    throw new Error('SMS_HTTP_AUTH_HEADER must be "Name: value" (Authorization: Bearer …)');
  return [match[1], match[2]];
}

type Escaping = 'json' | 'url' | 'xml' | 'none';

function escapingFor(method: SmsHttpSettings['method'], contentType: string): Escaping {
  const type = contentType.toLowerCase();
  if (method === 'GET' || type.includes('x-www-form-urlencoded')) return 'url';
  if (type.includes('json')) return 'json';
  if (type.includes('xml')) return 'xml';
  return 'none';
}

function escapeValue(value: string, escaping: Escaping): string {
  switch (escaping) {
    case 'json':
      return JSON.stringify(value).slice(1, -1);
    case 'url':
      return encodeURIComponent(value);
    case 'xml':
      return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    case 'none':
      return value;
  }
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

export function fillTemplate(template: string, values: Record<Placeholder, string>, escaping: Escaping): string {
  return template.replace(PLACEHOLDER_PATTERN, (whole, name: string) =>
    isPlaceholder(name) ? escapeValue(values[name], escaping) : whole,
  );
}

/** The value at a dotted path of a parsed JSON answer ("data.msgId", "list.0.id"), or undefined. */
export function valueAt(answer: unknown, path: readonly string[]): unknown {
  let node = answer;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function conditionHolds(condition: SuccessCondition, status: number, body: string, json: () => unknown): boolean {
  const ok = status >= 200 && status < 300;
  switch (condition.kind) {
    case 'status-2xx':
      return ok;
    case 'status':
      return status === condition.status;
    case 'json': {
      const value = valueAt(json(), condition.path);
      return (
        ok &&
        value !== undefined &&
        (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)) === condition.value
      );
    }
    case 'body':
      return ok && body.includes(condition.text);
  }
}

/** The number as a gateway may echo it (+8613812345678, 8613812345678, 13812345678), each masked. */
function redactPhone(text: string, phone: string): string {
  const digits = phone.trim().replace(/^\+/, '');
  const national = digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
  const variants = [...new Set([phone.trim(), `+${digits}`, digits, national])]
    .filter((v) => v.length >= 5)
    .sort((a, b) => b.length - a.length);
  return variants.reduce((t, v) => t.split(v).join(maskPhone(phone)), text);
}

function snippet(body: string, phone: string): string {
  const start = Array.from(body.trim()).slice(0, SNIPPET_LENGTH).join('');
  return redactPhone(start, phone);
}

function networkFailure(error: unknown, timeoutMs: number): TransportError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new TransportError(`SMS gateway did not answer within ${timeoutMs} ms`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError(`SMS gateway not reached: ${cause === undefined ? message : `${message} (${cause})`}`);
}

export function createHttpSmsTransport(settings: SmsHttpSettings, signature: string, options: HttpSmsOptions = {}): SmsTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const condition = parseSuccessCondition(settings.success);
  const auth = settings.authHeader === null || settings.authHeader.trim() === '' ? null : parseAuthHeader(settings.authHeader);
  const idPath = settings.idPath === null || settings.idPath.trim() === '' ? null : settings.idPath.trim().split('.');
  const escaping = escapingFor(settings.method, settings.contentType);
  const signed = withSignature(signature, '');
  const url = new URL(settings.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('SMS_HTTP_URL must be an http:// or https:// address');
  for (const [, name] of settings.bodyTemplate.matchAll(PLACEHOLDER_PATTERN)) {
    if (name === undefined || !isPlaceholder(name)) {
      throw new Error(`SMS_HTTP_BODY has {{${name ?? ''}}}; the placeholders are ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}`);
    }
  }
  if (escaping === 'json') {
    const sample = fillTemplate(settings.bodyTemplate, { phone: '1', text: '"\n', content: 'x', signature: 'y', key: 'z' }, 'json');
    if (parseJson(sample) === undefined) throw new Error('SMS_HTTP_BODY is not JSON once its placeholders are filled');
  }

  return {
    async send(m: OutgoingSms): Promise<SendResult> {
      const sentText = withSignature(signed, m.text);
      const values = { phone: m.to, text: sentText, content: m.text, signature: signed, key: m.idempotencyKey };
      const filled = fillTemplate(settings.bodyTemplate, values, escaping);
      const headers: Record<string, string> = { 'X-Idempotency-Key': m.idempotencyKey };
      if (auth !== null) headers[auth[0]] = auth[1];
      let target = settings.url;
      let body: string | undefined;
      if (settings.method === 'GET') {
        const query = filled.replace(/^[?&]+/, '');
        if (query !== '') target = `${settings.url}${settings.url.includes('?') ? '&' : '?'}${query}`;
      } else {
        headers['Content-Type'] = settings.contentType;
        body = filled;
      }

      let status: number;
      let answer: string;
      try {
        const response = await fetch(target, { method: settings.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
        status = response.status;
        answer = await response.text();
      } catch (error) {
        throw networkFailure(error, timeoutMs);
      }

      const told = (what: string) => `SMS gateway ${what} for ${maskPhone(m.to)}: ${snippet(answer, m.to)}`;
      if (status >= 500 || status === 408 || status === 429) throw new TransportError(told(`answered ${status}`));
      if (status >= 400) throw new TransportError(told(`refused the request (${status})`), true);
      let parsed: { value: unknown } | null = null;
      const json = () => (parsed ??= { value: parseJson(answer) }).value;
      if (!conditionHolds(condition, status, answer, json)) {
        throw new TransportError(told(`answered ${status} without ${settings.success.trim() || 'status:2xx'}`));
      }
      const id = idPath === null ? undefined : valueAt(json(), idPath);
      return {
        provider: 'sms-http',
        providerId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
        acceptedAt: new Date(),
        delivered: false,
        segments: smsSegments(sentText).segments,
        sentText,
      };
    },
  };
}
