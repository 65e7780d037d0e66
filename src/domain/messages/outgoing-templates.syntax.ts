/**
 * The placeholder syntax of outgoing templates (#11 item 5): `{{name}}` (spaces inside allowed), a
 * name of letters and digits starting with a letter. A single brace is text; `{{` without its `}}`,
 * a `}}` without its `{{`, or braces inside a placeholder are unbalanced. Pure.
 */

export interface TemplateScan {
  /** the names used, in order, repeated as often as they appear */
  names: string[];
  /** 1-based position of the first unbalanced `{{` or `}}`; null when every pair closes */
  unbalancedAt: number | null;
}

/** A placeholder that cannot be filled: its template is broken or it names a value not given. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

interface Part {
  kind: 'text' | 'name';
  value: string;
}

/** The template split into text and placeholders; stops at the first unbalanced pair. */
function parse(text: string): { parts: Part[]; unbalancedAt: number | null } {
  const parts: Part[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const close = text.indexOf('}}', i);
    if (open === -1 && close === -1) break;
    if (open === -1 || (close !== -1 && close < open)) return { parts, unbalancedAt: close + 1 };
    const end = text.indexOf('}}', open + 2);
    const inner = end === -1 ? '' : text.slice(open + 2, end);
    if (end === -1 || inner.includes('{') || inner.includes('}')) return { parts, unbalancedAt: open + 1 };
    const name = inner.trim();
    if (name === '') return { parts, unbalancedAt: open + 1 };
    parts.push({ kind: 'text', value: text.slice(i, open) }, { kind: 'name', value: name });
    i = end + 2;
  }
  parts.push({ kind: 'text', value: text.slice(i) });
  return { parts, unbalancedAt: null };
}

/** The placeholders a template uses and where its braces stop pairing. */
export function scanTemplate(text: string): TemplateScan {
  const { parts, unbalancedAt } = parse(text);
  return { names: parts.filter((p) => p.kind === 'name').map((p) => p.value), unbalancedAt };
}

/**
 * The template with every placeholder replaced by its value, in one pass: a value containing
 * `{{…}}` (a result typed by an agent) is written as it is, never expanded. Throws TemplateError for
 * unbalanced braces, a malformed name or a name without a value.
 */
export function fillTemplate(text: string, values: Readonly<Record<string, string | undefined>>): string {
  const { parts, unbalancedAt } = parse(text);
  if (unbalancedAt !== null) throw new TemplateError(`unbalanced braces at ${unbalancedAt}`);
  return parts
    .map((p) => {
      if (p.kind === 'text') return p.value;
      const value = NAME.test(p.value) && Object.hasOwn(values, p.value) ? values[p.value] : undefined;
      if (value === undefined) throw new TemplateError(`no value for {{${p.value}}}`);
      return value;
    })
    .join('');
}
