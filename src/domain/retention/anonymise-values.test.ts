import { describe, expect, it } from 'vitest';
import { anonymiseJson, anonymisedSearchText, knownPersonalData } from './anonymise-values.js';

const known = knownPersonalData({
  name: '王小明',
  phone: '13912345678',
  email: 'xiaoming@example.com',
  address: null,
  idNumber: null,
  account: 'P-2020-778899',
});

describe('anonymised values (retention)', () => {
  it('anonymises every string of a JSON value and keeps its keys, numbers and structure', () => {
    const out = anonymiseJson(
      {
        note: '王小明来电 13912345678',
        amount: 200000,
        nested: [{ to: 'xiaoming@example.com', ok: true }],
        policy: 'P-2020-778899',
        n: null,
      },
      known,
    );
    const text = JSON.stringify(out);
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('xiaoming@example.com');
    expect(text).not.toContain('P-2020-778899');
    expect(out).toMatchObject({ amount: 200000, nested: [{ ok: true }], n: null });
  });

  it('is idempotent', () => {
    const once = anonymiseJson({ t: '王小明先生 13912345678' }, known);
    expect(anonymiseJson(once, known)).toEqual(once);
  });

  it('builds a lower-case search text from the parts present', () => {
    expect(anonymisedSearchText(['TS1', null, 'ABC', ''])).toBe('ts1\nabc');
  });
});
