import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Action, type Role } from '../domain/access/permissions.js';
import { complaintBody, createTestApp, type TestApp } from '../../test/test-app.js';
import {
  bodyMutations,
  FORGED_CURSORS,
  invalidQueryValues,
  MALFORMED_IDS,
  multipart,
  MULTIPART_TYPE,
  operationsOf,
  sample,
  toJson,
  valueMutations,
  wrongBodies,
  wrongContentTypes,
  type FuzzCase,
  type Operation,
} from '../../test/openapi-fuzz.js';

/**
 * #9 item 1, invariant 2 (bad input is a 4xx, never a 500, never a partial write), for EVERY
 * operation of /api/openapi.json: schema-derived invalid values (wrong types, huge and negative
 * numbers, NUL, lone surrogates, 2 MB strings, prototype keys, deep nesting, wrong content types,
 * malformed ids) sent as a user allowed to call it and as nobody.
 *
 * "Nothing written": every table of the schema keeps its row count and its content (an md5 over its
 * rows), except the audit log, which records denials and failures by design (R-H1), and the
 * bookkeeping of API tokens (last use), which every authenticated request updates.
 */

const AS_NOBODY = null;
/** Per operation and identity; keeps the run within a minute on a busy two-core machine. */
const BODY_MUTATIONS = 16;
const QUERY_CASES = 12;
const VALUE_MUTATIONS = 40;
/** Per protected operation as nobody (answered 401 before the body is parsed). */
const NOBODY_CASES = 12;
const CONCURRENCY = 6;
/** What authentication itself updates on each request, not the request's doing. */
const VOLATILE_COLUMNS = ['last_used_at', 'use_count', 'last_seen_at'];
const EXCLUDED_TABLES = new Set(['audit_log']);

/**
 * Operations whose schema sample is far from a valid request (codes from the policy's taxonomies):
 * one invalid field in an otherwise valid body reaches the service, where a value the schema let
 * through would break (an instant in year 1 once made the clock planner throw).
 */
const VALID_BODIES: Record<string, () => unknown> = {
  'POST /api/complaints': () => complaintBody(),
  'POST /api/complaints/preview': () => complaintBody(),
  'POST /api/public/track': () => ({ number: 'TS202611250001', contact: '13812345678' }),
  'POST /api/complaints/{id}/grade': () => ({ level: 2, reason: '核实后调整' }),
  'POST /api/complaints/{id}/assign': () => ({ assignee: 'agent' }),
  'POST /api/complaints/{id}/merge': () => ({ intoComplaintId: otherComplaint, reason: '同一事项' }),
  'POST /api/complaints/{id}/propose-compensation': () => ({ amount: '100.00', basis: '协商' }),
  'PUT /api/policy': () => ({ policy: currentPolicy, reason: '调整' }),
  'POST /api/users': () => ({ username: 'fuzz.user', displayName: '模糊测试', roles: ['agent'] }),
  'POST /api/saved-views': () => ({ name: '视图', query: 'level=1&sort=level' }),
  'POST /api/calendar/{year}/import': () => ({ days: [{ date: '2026-12-01', kind: 'holiday', name: '测试' }] }),
};
let otherComplaint = '';
let currentPolicy: unknown = {};

let t: TestApp;
let ops: Operation[];
let accessOf: Map<string, { public: true } | { signedIn: true } | { permission: Action }>;
let callerFor: (action: Action) => string;
const validPathValue: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const reg = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() });
  expect(reg.statusCode).toBe(201);
  validPathValue['/api/complaints/{id}'] = reg.json().id as string;
  const second = await t.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: complaintBody({ complainant: { name: '李四', phone: '13900001111' } }),
  });
  otherComplaint = second.json().number as string;
  currentPolicy = (await t.inject({ method: 'GET', url: '/api/policy' })).json().policy;
  const other = await t.db.selectFrom('users').select('id').where('username', '=', 'agent').executeTakeFirst();
  validPathValue['/api/users/{id}'] = other?.id ?? '';
  validPathValue['/api/org-units/{id}'] = (await t.db.selectFrom('org_units').select('id').orderBy('code').executeTakeFirstOrThrow()).id;

  const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(doc.statusCode).toBe(200);
  ops = operationsOf(doc.json());
  accessOf = new Map(t.app.accessRules.map((r) => [`${r.method} ${r.url}`, r.access] as const));

  const people = await t.db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.username', 'user_roles.role'])
    .where('users.active', '=', true)
    .orderBy('users.username')
    .execute();
  const roles = new Map<string, Role[]>();
  for (const p of people) roles.set(p.username, [...(roles.get(p.username) ?? []), p.role as Role]);
  callerFor = (action) => {
    const principal = (username: string) => ({ userId: '', username, roles: roles.get(username) ?? [], branchIds: [], departmentIds: [] });
    if (can(principal('tester'), action)) return 'tester';
    const someone = [...roles.keys()].find((u) => can(principal(u), action));
    if (!someone) throw new Error(`no test user may ${action}`);
    return someone;
  };
  // each caller's API token is created before the first fingerprint, not inside an operation's cases
  for (const u of new Set(ops.map(callerOf))) if (u !== AS_NOBODY) await t.inject({ method: 'GET', url: '/healthz' }, u);
}, 120_000);
afterAll(async () => t?.close());

/** Row count and content hash of every table that matters (see the header comment). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await sql<{
    name: string;
  }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(
    t.db,
  );
  const volatile = sql.raw(`ARRAY[${VOLATILE_COLUMNS.map((c) => `'${c}'`).join(',')}]`);
  const parts = tables.rows
    .filter((r) => !EXCLUDED_TABLES.has(r.name))
    .map(
      (r) =>
        sql`SELECT ${r.name}::text AS name, count(*)::text || ':' || md5(coalesce(string_agg((to_jsonb(x) - ${volatile})::text, '|' ORDER BY (to_jsonb(x) - ${volatile})::text), '')) AS fp FROM ${sql.id(r.name)} x`,
    );
  const rows = await sql<{ name: string; fp: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(t.db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.fp]));
}

function pathWith(op: Operation, override?: { name: string; value: string }): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (override && override.name === name) return override.value;
    const known = validPathValue[op.path.slice(0, op.path.indexOf(`{${name}}`) + name.length + 2)];
    if (known) return encodeURIComponent(known);
    if (name === 'year') return '2026';
    if (name === 'version') return '1';
    if (name === 'date') return '2026-12-01';
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
    return encodeURIComponent(String(sample(p?.schema ?? { type: 'string' })));
  });
}

const memo = new Map<Operation, FuzzCase[]>();
function casesFor(op: Operation): FuzzCase[] {
  const known = memo.get(op);
  if (known) return known;
  const cases = buildCases(op);
  memo.set(op, cases);
  return cases;
}

/** The deterministic list of invalid requests for one operation. */
function buildCases(op: Operation): FuzzCase[] {
  const json = op.body?.['application/json'];
  const form = op.body?.['multipart/form-data'];
  const base: FuzzCase = { name: '', method: op.method, url: pathWith(op), headers: {} };
  const baseBody = json ? (VALID_BODIES[`${op.method} ${op.path}`]?.() ?? sample(json)) : undefined;
  const withSampleBody = (c: FuzzCase): FuzzCase =>
    json ? { ...c, headers: { ...c.headers, 'content-type': 'application/json' }, payload: toJson(baseBody) } : c;
  const out: FuzzCase[] = [];

  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    for (const [name, value] of MALFORMED_IDS)
      out.push(withSampleBody({ ...base, name: `path ${p.name}: ${name}`, url: pathWith(op, { name: p.name, value }) }));
  }

  const query = op.parameters.filter((x) => x.in === 'query');
  const queryLists = query.map((p, i) => ({ p, values: invalidQueryValues(p.schema, i === 0) }));
  const queryCases: FuzzCase[] = [];
  const queryLimit = Math.max(QUERY_CASES, query.length);
  for (let round = 0; queryCases.length < queryLimit && queryLists.some((l) => l.values[round]); round++) {
    for (const { p, values } of queryLists) {
      const v = values[round];
      if (v && queryCases.length < queryLimit)
        queryCases.push(withSampleBody({ ...base, name: `query ${p.name}: ${v[0]}`, url: `${base.url}?${p.name}=${v[1]}` }));
    }
  }
  out.push(...queryCases);
  // a paging cursor is opaque to the schema (a string) but decoded by the service: forge some
  for (const p of query.filter((x) => /cursor|before/i.test(x.name))) {
    for (const [name, value] of FORGED_CURSORS)
      out.push({ ...base, name: `query ${p.name}: ${name}`, url: `${base.url}?${p.name}=${value}` });
  }
  if (query.length > 0) {
    const first = query[0]!.name;
    for (const [name, qs] of [
      ['repeated key', `${first}=a&${first}=b&${first}=%00`],
      ['__proto__ key', '__proto__=1&__proto__[polluted]=1'],
      ['constructor key', 'constructor[prototype][polluted]=1'],
      ['NUL in a key', 'a%00b=1'],
    ] as const)
      out.push({ ...base, name: `query: ${name}`, url: `${base.url}?${qs}` });
  }

  for (const h of op.parameters.filter((x) => x.in === 'header')) {
    for (const [name, value] of [
      ['NUL', 'a\u0000b'],
      ['lone surrogate', '\udfff'],
      ['too long', 'k'.repeat(300)],
      ['empty', ''],
    ] as const) {
      const c = withSampleBody({ ...base, name: `header ${h.name}: ${name}` });
      out.push({ ...c, headers: { ...c.headers, [h.name]: value } });
    }
  }

  if (json) {
    for (const [name, payload] of wrongBodies())
      out.push({ ...base, name: `body: ${name}`, headers: { 'content-type': 'application/json' }, payload });
    for (const m of bodyMutations(json, BODY_MUTATIONS, baseBody))
      out.push({ ...base, name: m.name, headers: { 'content-type': 'application/json' }, payload: toJson(m.body) });
    // a known valid body: its own fields too, where the schema says only "object" (the policy)
    if (VALID_BODIES[`${op.method} ${op.path}`]) {
      for (const m of valueMutations(baseBody, VALUE_MUTATIONS))
        out.push({ ...base, name: m.name, headers: { 'content-type': 'application/json' }, payload: toJson(m.body) });
    }
  }
  if (form) {
    const fields = sample(form) as Record<string, string>;
    const junk: Array<[string, Record<string, string>]> = [
      ['NUL in every field', Object.fromEntries(Object.keys(fields).map((k) => [k, 'a\u0000b']))],
      ['lone surrogate in every field', Object.fromEntries(Object.keys(fields).map((k) => [k, '\ud800']))],
      ['values not in the enum', Object.fromEntries(Object.keys(fields).map((k) => [k, 'carrier_pigeon']))],
      ['2 MB fields', Object.fromEntries(Object.keys(fields).map((k) => [k, 'x'.repeat(2 * 1024 * 1024)]))],
      ['unknown fields only', { colour: 'red', ['__proto__']: 'x' }],
    ];
    for (const [name, f] of junk)
      out.push({ ...base, name: `multipart: ${name}`, headers: { 'content-type': MULTIPART_TYPE }, payload: multipart(f) });
    out.push({ ...base, name: 'multipart sent as JSON', headers: { 'content-type': 'application/json' }, payload: toJson(sample(form)) });
  }
  // a route without a body ignores a JSON one (the call would be valid): only types nobody parses
  const types = op.body
    ? wrongContentTypes()
    : wrongContentTypes().filter(([, type]) => !type.startsWith('multipart/') && !type.startsWith('application/json'));
  if (op.method !== 'GET' && op.method !== 'DELETE')
    for (const [name, type, payload] of types)
      out.push({ ...base, name: `content type ${name}`, headers: { 'content-type': type }, payload });
  return out;
}

function callerOf(op: Operation): string | null {
  const rule = accessOf.get(`${op.method} ${op.path.replace(/\{([^}]+)\}/g, ':$1')}`);
  if (!rule || 'public' in rule) return AS_NOBODY;
  return 'permission' in rule ? callerFor(rule.permission) : 'tester';
}

async function send(c: FuzzCase, as: string | null) {
  const opts = { method: c.method as 'GET', url: c.url, headers: c.headers, ...(c.payload !== undefined ? { payload: c.payload } : {}) };
  return as === AS_NOBODY ? t.app.inject(opts) : t.inject(opts, as);
}

async function fuzz(as: (op: Operation) => string | null): Promise<{ failures: string[]; requests: number }> {
  const failures: string[] = [];
  let requests = 0;
  const f0 = Date.now();
  let before = await fingerprint();
  if (process.env.FUZZ_DEBUG) console.log('fingerprint ms', Date.now() - f0);
  const timing: Array<[string, number, number]> = [];
  for (const op of ops) {
    const started = Date.now();
    const caller = as(op);
    const accepted: string[] = [];
    // nobody on a protected route is turned away before the body is read: a spread of its cases will do
    const all = casesFor(op);
    const turnedAway = caller === AS_NOBODY && callerOf(op) !== AS_NOBODY;
    const cases = turnedAway ? all.filter((_, i) => i % Math.ceil(all.length / NOBODY_CASES) === 0) : all;
    // a few at a time: nothing they send may change state, so their order does not matter
    for (let i = 0; i < cases.length; i += CONCURRENCY) {
      const batch = cases.slice(i, i + CONCURRENCY);
      const answers = await Promise.all(batch.map((c) => send(c, caller)));
      answers.forEach((res, j) => {
        const c = batch[j]!;
        if (res.statusCode >= 500)
          failures.push(`${op.method} ${op.path} as ${caller ?? 'nobody'} [${c.name}]: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (res.statusCode < 300 && op.method !== 'GET') accepted.push(c.name);
      });
      requests += batch.length;
    }
    const after = await fingerprint();
    const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
    if (changed.length > 0)
      failures.push(`${op.method} ${op.path} as ${caller ?? 'nobody'}: wrote to ${changed.join(', ')} (accepted: ${accepted.join('; ')})`);
    before = after;
    timing.push([`${op.method} ${op.path}`, cases.length, Date.now() - started]);
  }
  if (process.env.FUZZ_DEBUG) console.log(timing.sort((a, b) => b[2] - a[2]).slice(0, 15), requests);
  return { failures, requests };
}

describe('every operation of /api/openapi.json refuses invalid input: no 5xx, nothing written (#9 item 1, invariant 2)', () => {
  it('the document lists the operations the fuzz covers', () => {
    expect(ops.length).toBeGreaterThanOrEqual(80);
    for (const op of ops)
      expect(casesFor(op).length, `${op.method} ${op.path}`).toBeGreaterThan(op.method === 'GET' && op.parameters.length === 0 ? -1 : 0);
  });

  it('as a user allowed to call each operation', async () => {
    const { failures, requests } = await fuzz(callerOf);
    expect(requests).toBeGreaterThan(1500);
    expect(failures).toEqual([]);
  }, 240_000);

  it('as nobody (no credentials)', async () => {
    const { failures } = await fuzz(() => AS_NOBODY);
    expect(failures).toEqual([]);
  }, 240_000);
});
