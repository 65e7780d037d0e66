import { EventEmitter } from 'node:events';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isStorableText, printableKey } from '../../domain/text/storable-text.js';
import { ValidationError, type FieldIssue } from '../../domain/validation.js';

/** No form or import nests anywhere near this; deeper is an attack on whatever walks it later. */
export const MAX_NESTING = 32;
/** Enough to name every bad field of a real form; an attack gets its first few. */
const MAX_ISSUES = 20;

type Where = 'body' | 'querystring' | 'params' | 'headers';

/**
 * What a parser builds: arrays and objects (plain, null-prototype, or fast-querystring's prototype-less
 * class), but never binary data, dates or streams (a multipart file), whose properties are not input text.
 */
function isContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  if (Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer || v instanceof Date || v instanceof EventEmitter) return false;
  return true;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/**
 * Every string of a parsed value (values and object keys, at any depth) checked without recursion
 * (a 4 MB body can nest two million arrays deep). `base` names the value in field errors: '' for a
 * JSON body (zod's convention: `complainant.name`), `querystring`, `params`, `headers`.
 */
export function textIssues(value: unknown, where: Where, issues: FieldIssue[] = []): FieldIssue[] {
  const base = where === 'body' ? '' : where;
  const seen = new Set<object>();
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: base, depth: 0 }];
  const named = (path: string) => (path === '' ? 'body' : path);
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) issues.push({ field: named(path), code: 'invalid_characters' });
      continue;
    }
    if (!isContainer(v) || seen.has(v)) continue;
    seen.add(v);
    if (depth >= MAX_NESTING) {
      issues.push({ field: named(path), code: 'nesting_too_deep', params: { max: MAX_NESTING } });
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((item, i) => [String(i), item]) : Object.entries(v);
    // reversed so that the stack pops them in document order
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, item] = entries[i]!;
      if (!isStorableText(key)) {
        issues.push({ field: join(path, printableKey(key)), code: 'invalid_characters' });
        continue;
      }
      stack.push({ v: item, path: join(path, key), depth: depth + 1 });
    }
  }
  return issues;
}

function refuse(issues: FieldIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues.slice(0, MAX_ISSUES));
}

/**
 * Invariant 2 at the edge (#9 item 1): every string that enters is text the database can store
 * byte for byte. The URL and headers are checked on arrival, before authentication and before
 * anything reads them (the session cookie, the token, the user agent the audit log records); the
 * body as soon as a parser (JSON, the calendar's text/calendar, any later one) has produced it,
 * before validation and the handler. NUL or an unpaired surrogate: 400 naming the field.
 */
async function textGuardPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const issues: FieldIssue[] = [];
    textIssues(request.headers, 'headers', issues);
    textIssues(request.params, 'params', issues);
    textIssues(request.query, 'querystring', issues);
    refuse(issues);
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.body !== undefined) refuse(textIssues(request.body, 'body'));
  });
}

export const textGuard = fp(textGuardPlugin, { name: 'text-guard' });
