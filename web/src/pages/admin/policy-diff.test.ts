import { describe, expect, it } from 'vitest';
import { deepEqual, diffPolicies, formatValue } from './policy-diff';

const base = {
  clocks: { l3_answer: { amount: 5, unit: 'working_days' }, l2_result: { amount: 10, unit: 'working_days' } },
  regulatory: { decisionDays: 15, extendedDays: 30, maxDays: 60 },
  keywords: { level1: ['起诉', '律师'], level2: ['媒体'] },
  compensationBands: [
    { upTo: '10000', approver: 'supervisor' },
    { upTo: null, approver: 'leadership_group' },
  ],
  taxonomies: {
    categories: [
      { code: 'claims_dispute', zh: '理赔纠纷', en: 'Claims dispute', active: true },
      { code: 'other', zh: '其他', en: 'Other', active: true },
    ],
  },
};

const copy = () => structuredClone(base);

describe('diffPolicies', () => {
  it('finds nothing between equal documents', () => {
    expect(diffPolicies(base, copy())).toEqual([]);
  });

  it('names a changed number by its path, with the old and new value', () => {
    const next = copy();
    next.clocks.l3_answer.amount = 6;
    next.regulatory.maxDays = 90;
    expect(diffPolicies(base, next)).toEqual([
      { path: 'clocks.l3_answer.amount', kind: 'changed', before: 5, after: 6 },
      { path: 'regulatory.maxDays', kind: 'changed', before: 60, after: 90 },
    ]);
  });

  it('matches entries with a code by code, so an insertion is one added entry', () => {
    const next = copy();
    next.taxonomies.categories.splice(1, 0, { code: 'fees', zh: '费用', en: 'Fees', active: true });
    next.taxonomies.categories[0]!.active = false;
    expect(diffPolicies(base, next)).toEqual([
      { path: 'taxonomies.categories[claims_dispute].active', kind: 'changed', before: true, after: false },
      { path: 'taxonomies.categories[fees]', kind: 'added', after: { code: 'fees', zh: '费用', en: 'Fees', active: true } },
    ]);
  });

  it('compares lists of plain values as a whole and other lists by position', () => {
    const next = copy();
    next.keywords.level1.push('仲裁');
    next.compensationBands[0]!.upTo = '20000';
    next.compensationBands.push({ upTo: null, approver: 'supervisor' });
    expect(diffPolicies(base, next)).toEqual([
      { path: 'keywords.level1', kind: 'changed', before: ['起诉', '律师'], after: ['起诉', '律师', '仲裁'] },
      { path: 'compensationBands[0].upTo', kind: 'changed', before: '10000', after: '20000' },
      { path: 'compensationBands[2]', kind: 'added', after: { upTo: null, approver: 'supervisor' } },
    ]);
  });

  it('reports removed keys and a change of type', () => {
    const before = { a: 1, b: { c: 2 }, d: [1, 2] };
    const after = { b: 'text', d: [1, 2], e: null };
    expect(diffPolicies(before, after)).toEqual([
      { path: 'a', kind: 'removed', before: 1 },
      { path: 'b', kind: 'changed', before: { c: 2 }, after: 'text' },
      { path: 'e', kind: 'added', after: null },
    ]);
  });
});

describe('deepEqual and formatValue', () => {
  it('ignores key order but not list order', () => {
    expect(deepEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: undefined }, {})).toBe(false);
  });

  it('shows strings as they are, plain lists joined, objects as JSON', () => {
    expect(formatValue('理赔')).toBe('理赔');
    expect(formatValue([0.5, 0.8])).toBe('0.5, 0.8');
    expect(formatValue({ upTo: null })).toBe('{"upTo":null}');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(undefined)).toBe('');
  });
});
