/**
 * The difference of two policy documents, as a flat list of changed paths with the old and the new
 * value. Pure: no React, no I/O. Lists of entries with a `code` (taxonomies) are matched by code, so
 * inserting an entry does not show every later entry as changed; lists of plain values (keywords,
 * warning fractions) are compared as a whole; other lists by position.
 */

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  /** dotted path: `clocks.l3_answer.amount`, `taxonomies.categories[claims_dispute].zh`, `compensationBands[1].upTo` */
  path: string;
  kind: DiffKind;
  /** absent when added */
  before?: unknown;
  /** absent when removed */
  after?: unknown;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The codes of a list whose every element is an object with a unique string `code`; null otherwise. */
function codesOf(list: readonly unknown[]): string[] | null {
  const codes: string[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item.code !== 'string') return null;
    codes.push(item.code);
  }
  return new Set(codes).size === codes.length ? codes : null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function union(first: readonly string[], second: readonly string[]): string[] {
  const seen = new Set(first);
  return [...first, ...second.filter((k) => !seen.has(k))];
}

function walk(before: unknown, after: unknown, path: string, out: DiffEntry[]): void {
  if (deepEqual(before, after)) return;
  if (before === undefined) {
    out.push({ path, kind: 'added', after });
    return;
  }
  if (after === undefined) {
    out.push({ path, kind: 'removed', before });
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of union(Object.keys(before), Object.keys(after))) walk(before[key], after[key], join(path, key), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const codesBefore = codesOf(before);
    const codesAfter = codesOf(after);
    if (codesBefore && codesAfter) {
      const byCode = (list: readonly unknown[], code: string) => list.find((item) => isObject(item) && item.code === code);
      for (const code of union(codesBefore, codesAfter)) walk(byCode(before, code), byCode(after, code), `${path}[${code}]`, out);
      return;
    }
    const nested = [...before, ...after].some((v) => typeof v === 'object' && v !== null);
    if (nested) {
      for (let i = 0; i < Math.max(before.length, after.length); i += 1) walk(before[i], after[i], `${path}[${i}]`, out);
      return;
    }
  }
  out.push({ path, kind: 'changed', before, after });
}

/** Every path whose value differs between two documents, in the order of the documents. */
export function diffPolicies(before: unknown, after: unknown): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk(before, after, '', out);
  return out;
}

/** A value as one line of text: strings as they are, lists of plain values comma-separated, the rest as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => String(v)).join(', ');
  return JSON.stringify(value);
}
