import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainErrorCode, errorCatalogue, isErrorCode } from '../../domain/errors.js';
import { errorAreas, type ErrorCode } from '../../domain/errors/error-codes.js';
import { translateIssue } from '../i18n/messages.js';

/**
 * tsc already refuses an uncatalogued code wherever the code is typed (DomainError, FieldIssue,
 * apiError); this test also reads the places it cannot type: zod `message` codes, refine messages,
 * code tables, comparisons with an error's code, and the web app's.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

const SNAKE = "'([a-z][a-z0-9_]*)'";
/** Where a code is written as a literal, by the pattern that finds it. */
const patterns: Record<string, RegExp> = {
  domainError: new RegExp(`new DomainError\\(\\s*${SNAKE}`, 'g'),
  domainErrorConstant: /new DomainError\(\s*DomainErrorCode\.(\w+)/g,
  fieldIssue: new RegExp(`\\bcode: ${SNAKE}`, 'g'),
  zodMessage: new RegExp(`\\bmessage: ${SNAKE}`, 'g'),
  answer: new RegExp(`\\b(?:apiError|answer|translate|translateIssue)\\(\\s*locale,\\s*${SNAKE}`, 'g'),
  field: new RegExp(`\\bfieldError\\(\\s*locale,\\s*[^,]+,\\s*${SNAKE}`, 'g'),
  status: new RegExp(`\\berrorStatus\\(${SNAKE}\\)`, 'g'),
  comparison: new RegExp(`(?<!typeof [\\w.]*)\\b\\w+\\.code\\s*===\\s*${SNAKE}`, 'g'),
};
/** Tables of codes (`const amountCodes = { format: 'invalid_amount', … }`, PasswordIssue): their values. */
const codeTable = /\bconst (\w*(?:codes?|issue)) = \{([^}]*)\}/gi;
/** `const code = … ? 'invalid_policy' : …;`: the literals it may take. */
const codeAssignment = /\b(?:const|let) code\b[^=;]*=([^;]*);/g;

/** The arguments of `.refine(…)` calls, parentheses balanced, strings skipped. */
function refineArguments(text: string): { args: string; index: number }[] {
  const found: { args: string; index: number }[] = [];
  for (const m of text.matchAll(/\.refine\(/g)) {
    const start = m.index + m[0].length;
    let depth = 1;
    let quote: string | null = null;
    let i = start;
    for (; i < text.length && depth > 0; i++) {
      const ch = text[i];
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = null;
      } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
    }
    found.push({ args: text.slice(start, i - 1), index: m.index });
  }
  return found;
}

interface Use {
  code: string;
  where: string;
}

function usesIn(file: string): Use[] {
  const text = readFileSync(join(root, file), 'utf8');
  const uses: Use[] = [];
  const add = (code: string, how: string, index: number) => {
    const line = text.slice(0, index).split('\n').length;
    uses.push({ code, where: `${file}:${line} (${how})` });
  };
  for (const [how, pattern] of Object.entries(patterns)) {
    for (const m of text.matchAll(pattern)) {
      const found = m[1] ?? '';
      const code = how === 'domainErrorConstant' ? (DomainErrorCode as Record<string, string>)[found] : found;
      add(code ?? `DomainErrorCode.${found}`, how, m.index);
    }
  }
  for (const r of refineArguments(text)) {
    const last = new RegExp(`,\\s*${SNAKE}\\s*,?\\s*$`).exec(r.args);
    if (last?.[1]) add(last[1], 'refine message', r.index);
  }
  for (const m of text.matchAll(codeAssignment)) {
    for (const v of (m[1] ?? '').matchAll(new RegExp(`(?:^|[?:])\\s*${SNAKE}`, 'g'))) add(v[1] ?? '', 'code assignment', m.index);
  }
  for (const m of text.matchAll(codeTable)) {
    for (const v of (m[2] ?? '').matchAll(new RegExp(`:\\s*${SNAKE}`, 'g'))) add(v[1] ?? '', `table ${m[1]}`, m.index);
  }
  return uses;
}

const catalogueFiles = ['src/domain/errors/error-codes.ts', 'src/http/i18n/messages.ts', 'src/http/i18n/messages-training-cases.ts'];
const serverUses = sources('src')
  .filter((f) => !catalogueFiles.includes(f))
  .flatMap(usesIn);
const webUses = sources('web/src').flatMap((f) => usesIn(f).filter((u) => u.where.includes('(comparison)')));

describe('the error catalogue', () => {
  it('finds the codes the server uses (the scan works)', () => {
    const codes = new Set(serverUses.map((u) => u.code));
    expect(codes.size).toBeGreaterThan(60);
    for (const sample of ['complaint_not_found', 'invalid_datetime', 'year_out_of_range', 'amount_negative', 'password_too_short']) {
      expect(codes).toContain(sample);
    }
  });

  it('has every code thrown, refused or compared in src/ and web/src/', () => {
    const missing = [...serverUses, ...webUses].filter((u) => !isErrorCode(u.code)).map((u) => `${u.code} at ${u.where}`);
    expect(missing).toEqual([]);
  });

  it('uses every code it lists (zod names its own issue codes)', () => {
    const used = new Set(serverUses.map((u) => u.code));
    const zod = new Set(Object.keys(errorAreas.field));
    const unused = Object.keys(errorCatalogue).filter((c) => !used.has(c) && !zod.has(c));
    expect(unused).toEqual([]);
  });

  it('has a message in both languages for every code, Chinese in zh-CN and none in en-US', () => {
    const han = /\p{Script=Han}/u;
    const problems: string[] = [];
    for (const code of Object.keys(errorCatalogue) as ErrorCode[]) {
      const zh = translateIssue(code, 'zh-CN');
      const en = translateIssue(code, 'en-US');
      if (zh.trim() === '' || !han.test(zh) || /undefined|null/.test(zh)) problems.push(`${code} zh: "${zh}"`);
      if (en.trim() === '' || han.test(en) || /undefined|null/.test(en)) problems.push(`${code} en: "${en}"`);
    }
    expect(problems).toEqual([]);
  });

  it('gives each code an error status', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
    }
  });
});
