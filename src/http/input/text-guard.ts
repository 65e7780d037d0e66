import { EventEmitter } from 'node:events';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isStorableText, printableKey } from '../../domain/text/storable-text.js';
import { ValidationError, type FieldIssue } from '../../domain/validation.js';

/** No form or import nests anywhere near this; deeper is an attack on whatever walks it later. */
export const MAX_NESTING = 32;
/** More containers than a 4 MB JSON body can hold: only a structure with cycles gets there. */
const MAX_CONTAINERS = 2_500_000;
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
 * (a 4 MB body can nest two million arrays deep) and without a path per element (a 4 MB body can
 * hold two million numbers): strings are checked where they are met, only containers are stacked.
 * Fields are named like zod's issues: `complainant.name` for the JSON body (`body` for the body
 * itself), `querystring.q`, `params.id`, `headers.idempotency-key`.
 */
export function textIssues(value: unknown, where: Where, issues: FieldIssue[] = []): FieldIssue[] {
  const named = (path: string) => (path === '' ? 'body' : path);
  const root = where === 'body' ? '' : where;
  if (typeof value === 'string') {
    if (!isStorableText(value)) issues.push({ field: named(root), code: 'invalid_characters' });
    return issues;
  }
  // parallel arrays rather than an object per stacked container: a 4 MB body may hold a million
  let budget = MAX_CONTAINERS;
  const values: Array<Record<string, unknown> | unknown[]> = [];
  const parents: string[] = [];
  const keys: string[] = [];
  const depths: number[] = [];
  const push = (v: Record<string, unknown> | unknown[], parent: string, key: string, depth: number) => {
    values.push(v);
    parents.push(parent);
    keys.push(key);
    depths.push(depth);
  };
  if (isContainer(value)) push(value, '', root, 0);
  while (values.length > 0 && issues.length < MAX_ISSUES) {
    const v = values.pop()!;
    const path = join(parents.pop()!, keys.pop()!);
    const depth = depths.pop()!;
    // parsers build trees; a structure with cycles (no parser of ours makes one) ends here too
    budget -= 1;
    if (depth >= MAX_NESTING || budget < 0) {
      issues.push({ field: named(path), code: 'nesting_too_deep', params: { max: MAX_NESTING } });
      break;
    }
    // backwards, so that the stack pops containers in document order
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) {
        const item = v[i];
        if (typeof item === 'string') {
          if (!isStorableText(item)) issues.push({ field: join(path, String(i)), code: 'invalid_characters' });
        } else if (isContainer(item)) push(item, path, String(i), depth + 1);
      }
    } else {
      const own = Object.keys(v);
      for (let i = own.length - 1; i >= 0; i -= 1) {
        const k = own[i]!;
        const item = v[k];
        if (!isStorableText(k)) issues.push({ field: join(path, printableKey(k)), code: 'invalid_characters' });
        else if (typeof item === 'string') {
          if (!isStorableText(item)) issues.push({ field: join(path, k), code: 'invalid_characters' });
        } else if (isContainer(item)) push(item, path, k, depth + 1);
      }
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
