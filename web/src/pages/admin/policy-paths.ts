/**
 * A policy path (`clocks.l3_answer.amount`, `compensationBands[1].upTo`, the server's
 * `policy.compensationBands.1.upTo`) as the administrator reads it: "各级处理时限 · 三级：答复客户 · 数值".
 * Pure: the names come in (messages, the clock and taxonomy labels), so it is tested without React.
 */

export interface PathNames {
  /** the label of a key of the policy document, undefined when there is none */
  word(segment: string): string | undefined;
  clock(kind: string): string;
  businessLine(code: string): string;
  /** an entry of a taxonomy list (categories, causes…) by its code */
  entry(list: string, code: string): string;
  /** the n-th (1-based) element of a list */
  nth(n: number): string;
}

/** `a.b[c].d`, `a.0.b` -> ['a', 'b', 'c', 'd'], ['a', '0', 'b']. */
export function pathSegments(path: string): string[] {
  return path
    .replace(/^policy\./, '')
    .split(/[.[\]]/)
    .filter((s) => s !== '');
}

export function policyPathLabel(path: string, names: PathNames): string {
  const segments = pathSegments(path);
  const [top, ...rest] = segments;
  if (top === undefined) return path;
  const parts = [names.word(top) ?? top];
  rest.forEach((segment, i) => {
    const parent = i === 0 ? top : rest[i - 1];
    if (/^\d+$/.test(segment)) parts.push(names.nth(Number(segment) + 1));
    else if (top === 'clocks' && i === 0) parts.push(names.clock(segment));
    else if ((top === 'grading' || top === 'retention') && i === 0) parts.push(names.businessLine(segment));
    else if (top === 'taxonomies' && i === 1 && parent !== undefined)
      parts.push(parent === 'businessLines' ? names.businessLine(segment) : names.entry(parent, segment));
    else if (top === 'taxonomies' && parent === 'categoryLines' && i === 1) parts.push(names.entry('categories', segment));
    else parts.push(names.word(segment) ?? segment);
  });
  return parts.join(' · ');
}

/** The reason the reference seed gives version 1 (src/db/seed-reference.ts): shown as a label, not as the file name. */
export const SEED_REASON = 'defaults (policy-defaults.md)';
/** Who the seed records as publisher of version 1. */
export const SEED_ACTOR = 'system';

export function policyReason(reason: string | null, names: { systemDefaults: string; none: string }): string {
  if (reason === null || reason.trim() === '') return names.none;
  return reason === SEED_REASON ? names.systemDefaults : reason;
}
