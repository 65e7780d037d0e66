/**
 * Text the database stores exactly as received. PostgreSQL refuses NUL (U+0000) in text and jsonb,
 * and a UTF-16 surrogate without its partner has no UTF-8 form: the driver sends U+FFFD instead, so
 * what was hashed and what is stored would differ (a chain that no longer verifies). Everything
 * else (emoji, CJK extension B, RTL marks, combining characters, joiners) is Unicode and round-trips.
 */

// Without the `u` flag the pattern sees UTF-16 code units: a high surrogate not followed by a low
// one, a low surrogate not preceded by a high one, or NUL.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string holds no NUL and no unpaired surrogate. */
export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** Dotted path of the first string (value or object key, at any depth) that is not storable, or null. */
export function findUnstorableText(value: unknown, path = ''): string | null {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return p;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, join(p, String(i))]));
    } else if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      for (const [k, item] of Object.entries(v)) {
        if (!isStorableText(k)) return join(p, printableKey(k));
        stack.push([item, join(p, k)]);
      }
    }
  }
  return null;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** A key as it can be named in an error: NUL and lone surrogates written as \uXXXX escapes. */
export function printableKey(key: string): string {
  return key.replace(new RegExp(UNSTORABLE.source, 'g'), (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
