/**
 * The layering rules (issue #10 item 6, docs/architecture.md), checked on the source so they hold
 * from now on:
 * - services reach the database only through repositories (src/db/repositories): no query
 *   builder calls, no sql`…`, and from 'kysely' (or 'pg') types only;
 * - the domain (src/domain) is pure: it imports only itself and libraries without IO, never the
 *   database, HTTP, services or Node's file, network and process modules.
 * Test files are not checked (they set up and inspect the database directly).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Kysely's ways into a table (on a Kysely, a transaction or an expression builder). */
const QUERY_METHODS = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'executeQuery',
]);
/** Libraries that talk to the database: a service may import their types, nothing else. */
const DATABASE_LIBRARIES = new Set(['kysely', 'pg']);
/** What the domain may import besides itself: libraries without IO. */
const PURE_LIBRARIES = new Set(['zod', 'decimal.js', 'dayjs', 'chinese-days', 'node:crypto']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface ImportFact {
  from: string;
  /** nothing but types is imported (import type, or every name marked type) */
  typeOnly: boolean;
  line: number;
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

/** Every import and re-export (static or dynamic) with whether it brings values. */
function importsOf(sf: ts.SourceFile): ImportFact[] {
  const found: ImportFact[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly || (clause.name === undefined && named !== undefined && named.elements.every((e) => e.isTypeOnly)));
      found.push({ from: node.moduleSpecifier.text, typeOnly, line: lineOf(sf, node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause : undefined;
      const typeOnly = node.isTypeOnly || (named !== undefined && named.elements.every((e) => e.isTypeOnly));
      found.push({ from: node.moduleSpecifier.text, typeOnly, line: lineOf(sf, node) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ from: node.arguments[0].text, typeOnly: false, line: lineOf(sf, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Violations of "services reach the database only through repositories" in one file. */
function serviceViolations(file: string, text: string): string[] {
  const sf = parse(file, text);
  const out: string[] = [];
  for (const i of importsOf(sf)) {
    if (DATABASE_LIBRARIES.has(i.from) && !i.typeOnly)
      out.push(`${file}:${i.line} imports values from '${i.from}' (types only: import type)`);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && QUERY_METHODS.has(node.expression.name.text)) {
      out.push(`${file}:${lineOf(sf, node)} builds a query (.${node.expression.name.text}): call a repository function`);
    }
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql') {
      out.push(`${file}:${lineOf(sf, node)} writes SQL (sql\`…\`): call a repository function`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Violations of "the domain is pure" in one file (its absolute path) under `domainDir`. */
function domainViolations(file: string, text: string, domainDir: string): string[] {
  const out: string[] = [];
  const name = relative(SRC, file);
  for (const i of importsOf(parse(file, text))) {
    if (i.from.startsWith('.')) {
      const target = resolve(dirname(file), i.from);
      if (target !== domainDir && !target.startsWith(domainDir + sep)) {
        out.push(`${name}:${i.line} imports '${i.from}' from outside the domain`);
      }
    } else if (!PURE_LIBRARIES.has(i.from) && !PURE_LIBRARIES.has(i.from.split('/')[0] ?? '')) {
      out.push(`${name}:${i.line} imports '${i.from}' (the domain uses only libraries without IO: ${[...PURE_LIBRARIES].join(', ')})`);
    }
  }
  return out;
}

describe('services reach the database only through repositories', () => {
  const dir = join(SRC, 'services');
  const files = sourceFiles(dir);

  it('no service builds a query or imports values from kysely or pg', () => {
    expect(files.length).toBeGreaterThan(40);
    const violations = files.flatMap((f) => serviceViolations(relative(SRC, f), readFileSync(f, 'utf8')));
    expect(violations).toEqual([]);
  });

  it('the check finds what it forbids, and lets types, comments and repository calls pass', () => {
    const bad = [
      "import { sql } from 'kysely';",
      "import { type Kysely, sql as q } from 'kysely';",
      "export { sql } from 'kysely';",
      "import pg from 'pg';",
      "await ctx.db.selectFrom('users').selectAll().execute();",
      "await trx.insertInto('t').values({}).execute();",
      "await trx\n  .updateTable('t')\n  .set({})\n  .execute();",
      "await db.deleteFrom('t').execute();",
      'await sql`SELECT 1`.execute(db);',
      'const x = sql<number>`1`;',
    ];
    for (const text of bad) expect(serviceViolations('x.ts', text), text).toHaveLength(1);
    const good = [
      "import type { Kysely, Updateable } from 'kysely';",
      "import { type Updateable } from 'kysely';",
      "export type { Kysely } from 'kysely';",
      '// db.selectFrom(...) used to be here; sql`…` too',
      "await findUser(ctx.db, { username: 'a' });",
      'const s = `selectFrom ${x}`;',
    ];
    for (const text of good) expect(serviceViolations('x.ts', text), text).toEqual([]);
  });
});

describe('the domain is pure', () => {
  const dir = join(SRC, 'domain');

  it('no domain module imports the database, HTTP, services or IO', () => {
    const files = sourceFiles(dir);
    expect(files.length).toBeGreaterThan(20);
    const violations = files.flatMap((f) => domainViolations(f, readFileSync(f, 'utf8'), dir));
    expect(violations).toEqual([]);
  });

  it('the check finds what it forbids', () => {
    const file = join(dir, 'clocks', 'x.ts');
    const bad = [
      "import type { Database } from '../../db/database.js';",
      "import { DomainError } from '../../http/errors/error-handler.js';",
      "import { notify } from '../../services/workflow/notify.service.js';",
      "import { readFileSync } from 'node:fs';",
      "import { readFile } from 'fs/promises';",
      "import pg from 'pg';",
      "const m = await import('node:child_process');",
    ];
    for (const text of bad) expect(domainViolations(file, text, dir), text).toHaveLength(1);
    const good = [
      "import { z } from 'zod';",
      "import { createHash } from 'node:crypto';",
      "import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };",
      "import { planClock } from './clock-plan.js';",
      "import { Decimal } from '../money.js';",
    ];
    for (const text of good) expect(domainViolations(file, text, dir), text).toEqual([]);
  });
});
