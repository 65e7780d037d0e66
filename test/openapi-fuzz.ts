/**
 * Invalid requests derived from the OpenAPI document (#9 item 1, invariant 2): for one operation,
 * a bounded, deterministic list of requests that must each be refused with a 4xx and write nothing.
 * No randomness: the same document gives the same cases on every run.
 */

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  default?: unknown;
}

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI form: /api/complaints/{id} */
  path: string;
  parameters: Parameter[];
  /** content type -> schema of the request body, when the operation takes one */
  body: Record<string, JsonSchema> | null;
}

export interface FuzzCase {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

export const MB2 = 2 * 1024 * 1024;
/** A JSON number JSON.parse turns into Infinity: written raw into the body. */
const RAW = (text: string) => `\u0001RAW:${text}\u0001`;
const FIXED_UUID = '7d1c6f0e-8a4b-4c1e-9f3a-2b5d6e7f8a9b';

/** JSON with RAW(...) markers replaced by their text (numbers JSON.stringify cannot write). */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001RAW:([^"\\]*)\\u0001"/g, '$1');
}

/** The operations of an OpenAPI document, sorted for a stable order. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content;
      const body = content ? Object.fromEntries(Object.entries(content).map(([type, c]) => [type, c.schema ?? {}])) : null;
      ops.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body });
    }
  }
  return ops.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

function options(s: JsonSchema): JsonSchema[] {
  return s.anyOf ?? s.oneOf ?? [s];
}

/** The JSON types a schema accepts ('any' when it does not say). */
export function acceptedTypes(s: JsonSchema): Set<string> {
  const out = new Set<string>();
  for (const o of options(s)) {
    if (o.allOf) for (const a of o.allOf) for (const t of acceptedTypes(a)) out.add(t);
    if (o.nullable) out.add('null');
    if (o.const !== undefined) out.add(typeof o.const);
    for (const v of o.enum ?? []) out.add(v === null ? 'null' : typeof v);
    const types = Array.isArray(o.type) ? o.type : o.type ? [o.type] : [];
    for (const t of types) out.add(t === 'integer' ? 'number' : t);
    if (o.properties) out.add('object');
    if (!o.type && !o.enum && o.const === undefined && !o.properties && !o.allOf && !o.anyOf && !o.oneOf) out.add('any');
  }
  return out;
}

/** A plausible value for a schema: the shape a valid request would have (never sent alone). */
export function sample(s: JsonSchema, depth = 0): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length > 0) return s.enum[0];
  if (s.allOf && s.allOf.length > 0) return sample(Object.assign({}, ...s.allOf) as JsonSchema, depth);
  const opts = s.anyOf ?? s.oneOf;
  if (opts) return sample(opts.find((o) => o.type !== 'null') ?? opts[0]!, depth);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date-time') return '2026-11-24T01:00:00Z';
      if (s.format === 'date') return '2026-11-24';
      if (s.format === 'uuid') return FIXED_UUID;
      if (s.format === 'email') return 'fuzz@example.com';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 || !s.items ? [] : Array.from({ length: s.minItems ?? 0 }, () => sample(s.items!, depth + 1));
    case 'object':
    default: {
      if (!s.properties || depth > 4) return type === 'object' ? {} : 'x';
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        const prop = s.properties[key];
        if (prop) out[key] = sample(prop, depth + 1);
      }
      return out;
    }
  }
}

function nested(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/**
 * Values a field with this schema must refuse, each named. The schema's own limits come first
 * (formats, ranges, lengths: what a schema may let through and SQL or the domain then chokes on),
 * then a wrong type, then what the edge refuses for every field alike.
 */
export function invalidValues(s: JsonSchema, withHuge: boolean): Array<[string, unknown]> {
  const types = acceptedTypes(s);
  const out: Array<[string, unknown]> = [];
  const flat = options(s);
  const isNumber = types.has('number');
  const isString = types.has('string');
  if (isString) {
    const format = flat.map((o) => o.format).find(Boolean);
    if (format === 'date-time')
      out.push(
        ['year 1', '0001-01-01T00:00:00Z'],
        ['30 February', '2026-02-30T00:00:00Z'],
        ['year 9999', '9999-12-31T23:59:59Z'],
        ['year 275760', '+275760-09-13T00:00:00Z'],
      );
    if (format === 'date') out.push(['year 1 date', '0001-01-01'], ['30 February date', '2026-02-30']);
    if (format === 'uuid') out.push(['not a uuid', 'not-a-uuid']);
    const maxLength = flat.map((o) => o.maxLength).find((m) => typeof m === 'number');
    if (maxLength !== undefined && maxLength < 100_000) out.push(['too long', 'x'.repeat(maxLength + 1)]);
    if (withHuge && maxLength === undefined) out.push(['2 MB string', 'x'.repeat(MB2)]);
  }
  if (isNumber) {
    const max = flat.map((o) => o.maximum).find((m) => typeof m === 'number');
    if (max !== undefined) out.push(['above maximum', max + 1]);
    out.push(['1e400 (Infinity)', RAW('1e400')], ['2^63', RAW('9223372036854775808')]);
    const min = flat
      .map((o) => (typeof o.minimum === 'number' ? o.minimum : typeof o.exclusiveMinimum === 'number' ? o.exclusiveMinimum : undefined))
      .find((m) => m !== undefined);
    if (min !== undefined && min >= 0) out.push(['negative', -1], ['huge negative', RAW('-1e308')]);
    if (flat.some((o) => o.type === 'integer')) out.push(['fraction', 1.5]);
  }
  if (!types.has('any')) {
    const wrong: Array<[string, unknown]> = [
      ['object', { a: 1 }],
      ['array', [1, 2]],
      ['string', 'not-a-number'],
      ['number', 12345],
      ['boolean', true],
      ['null', null],
    ];
    const pick = wrong.find(([t]) => !types.has(t));
    if (pick) out.push([`wrong type (${pick[0]})`, pick[1]]);
  }
  if (types.has('array')) out.push(['10,000 items', Array.from({ length: 10_000 }, () => 'x')]);
  out.push(
    ['NUL', 'a\u0000b'],
    ['lone surrogate', 'x\ud800y'],
    ['__proto__ key', JSON.parse('{"__proto__":{"polluted":true}}')],
    ['constructor.prototype', { constructor: { prototype: { polluted: true } } }],
    ['nested arrays (20 deep)', nested(20)],
    ['nested arrays (100 deep)', nested(100)],
  );
  if (withHuge && isString && !out.some(([n]) => n === '2 MB string')) out.push(['2 MB string', 'x'.repeat(MB2)]);
  return out;
}

/** Every field of a body sample (dotted paths to leaves and objects, depth-first), with its schema. */
export function fieldsOf(s: JsonSchema, prefix: string[] = [], depth = 0): Array<{ path: string[]; schema: JsonSchema }> {
  const obj = options(s).find((o) => o.properties);
  if (!obj?.properties || depth > 2) return [];
  const out: Array<{ path: string[]; schema: JsonSchema }> = [];
  for (const [key, prop] of Object.entries(obj.properties)) {
    out.push({ path: [...prefix, key], schema: prop });
    out.push(...fieldsOf(prop, [...prefix, key], depth + 1));
  }
  return out;
}

/** A copy of `base` with the value at `path` replaced (objects on the way created as needed). */
export function withValue(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: Record<string, unknown> =
    base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  const [head, ...rest] = path;
  copy[head!] = withValue(copy[head!], rest, value);
  return copy;
}

/** Round-robin over the fields: every field gets its first invalid value before any gets a second. */
export function bodyMutations(schema: JsonSchema, limit: number, base: unknown = sample(schema)): Array<{ name: string; body: unknown }> {
  const fields = fieldsOf(schema);
  const lists = fields.map((f, i) => ({
    f,
    values: invalidValues(f.schema, i === fields.findIndex((g) => acceptedTypes(g.schema).has('string'))),
  }));
  const out: Array<{ name: string; body: unknown }> = [];
  // every field gets its first (most specific) invalid value, however many fields there are
  limit = Math.max(limit, lists.length);
  for (let round = 0; out.length < limit; round++) {
    let any = false;
    for (const { f, values } of lists) {
      const v = values[round];
      if (!v) continue;
      any = true;
      out.push({ name: `body.${f.path.join('.')}: ${v[0]}`, body: withValue(base, f.path, v[1]) });
      if (out.length >= limit) break;
    }
    if (!any) break;
  }
  return out;
}

let wrongBodyList: Array<[string, string]> | null = null;
/** Whole-body variants: not the object the route wants at all. */
export function wrongBodies(): Array<[string, string]> {
  wrongBodyList ??= [
    ['JSON null', 'null'],
    ['JSON array', '[]'],
    ['JSON string', '"x"'],
    ['JSON number 1e400', '1e400'],
    ['invalid JSON', '{"a":'],
    ['__proto__ at the root', '{"__proto__":{"polluted":true}}'],
    ['constructor.prototype at the root', '{"constructor":{"prototype":{"polluted":true}}}'],
    ['prototype key', '{"prototype":{"polluted":true}}'],
    ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['2 MB string body', JSON.stringify('y'.repeat(MB2))],
    ['5 MB body (over the limit)', JSON.stringify({ a: 'z'.repeat(5 * 1024 * 1024) })],
  ];
  return wrongBodyList;
}

const BOUNDARY = 'fuzzboundary7d1c6f0e';

export function multipart(fields: Record<string, string>, file?: { name: string; type: string; content: string }): string {
  const parts = Object.entries(fields).map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  if (file)
    parts.push(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
    );
  return `${parts.join('')}--${BOUNDARY}--\r\n`;
}
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** Bodies in content types the route does not take (or takes, for the multipart upload, with junk in them). */
export function wrongContentTypes(): Array<[string, string, string]> {
  return [
    ['text/plain', 'text/plain', 'hello'],
    ['application/xml', 'application/xml', '<complaint><id>1</id></complaint>'],
    ['multipart with junk fields', MULTIPART_TYPE, multipart({ method: 'carrier_pigeon', note: 'n\u0000', ['__proto__']: 'x' })],
    [
      'multipart with a NUL file name',
      MULTIPART_TYPE,
      multipart({ method: 'x' }, { name: 'a\u0000.pdf', type: 'application/pdf', content: '%PDF-1.4' }),
    ],
    ['JSON labelled utf-16', 'application/json; charset=utf-16', '\u00ff\u00fe{\u0000}\u0000'],
  ];
}

/** Path segments that name nothing: malformed, out of range, injected, encoded NUL and surrogates. */
export const MALFORMED_IDS: ReadonlyArray<[string, string]> = [
  ['%00', '%00'],
  ['encoded lone surrogate', '%ED%A0%80'],
  ['negative', '-1'],
  ['huge integer', '99999999999999999999999'],
  ['2^31', '2147483648'],
  ['too long', 'x'.repeat(300)],
  ['SQL', "'%20OR%201=1--"],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['year 0 date', '0000-01-01'],
  ['30 February', '2026-02-30'],
];

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const NIL = '00000000-0000-0000-0000-000000000000';
/**
 * Paging cursors are opaque base64url JSON the API hands out; a client can forge one. These are
 * shaped like the real ones (ledger: [sort, order, value, id]; keyset: [instant, id]) with hostile
 * contents: an id that is no uuid, a value of the wrong kind, instants PostgreSQL cannot hold.
 */
export const FORGED_CURSORS: ReadonlyArray<[string, string]> = [
  ['not base64 JSON', 'abc'],
  ['ledger cursor with a non-uuid id', b64(['receivedAt', 'desc', '2026-11-24T00:00:00.000Z', 'not-a-uuid'])],
  ['ledger cursor with a non-date value', b64(['receivedAt', 'desc', 'garbage', NIL])],
  ['ledger cursor with a huge value', b64(['receivedAt', 'desc', 1e308, NIL])],
  ['keyset cursor before PostgreSQL time', b64(['-271821-04-20T00:00:00.000Z', NIL])],
  ['keyset cursor with a non-uuid id', b64(['2026-11-24T00:00:00.000Z', 'x'])],
  ['keyset cursor of objects', b64([{ a: 1 }, { b: 2 }])],
  ['an instant in year 0', '0000-01-01T00:00:00Z'],
  ['an instant on 30 February', '2026-02-30T00:00:00Z'],
];

/** Query values a parameter of this schema must refuse (URL-encoded); the 2 MB one only when asked. */
export function invalidQueryValues(s: JsonSchema, withHuge: boolean): Array<[string, string]> {
  const types = acceptedTypes(s);
  const flat = options(s);
  const out: Array<[string, string]> = [];
  if (flat.some((o) => o.type === 'integer' || o.type === 'number'))
    out.push(['not a number', 'abc'], ['1e400', '1e400'], ['huge', '99999999999999999999999'], ['negative', '-1'], ['fraction', '1.5']);
  if (flat.some((o) => o.enum)) out.push(['not in the enum', 'nope']);
  const format = flat.map((o) => o.format).find(Boolean);
  if (format === 'date-time')
    out.push(['year 0', '0000-01-01T00:00:00Z'], ['30 February', '2026-02-30T00:00:00Z'], ['year 275760', '%2B275760-09-13T00:00:00Z']);
  if (format === 'date') out.push(['year 0 date', '0000-01-01'], ['30 February date', '2026-02-30']);
  if (format === 'uuid') out.push(['not a uuid', 'not-a-uuid']);
  const maxLength = flat.map((o) => o.maxLength).find((m) => typeof m === 'number');
  if (types.has('string') && maxLength !== undefined && maxLength < 100_000) out.push(['too long', 'x'.repeat(maxLength + 1)]);
  // the schema's own refusals first (the edge's NUL check is the same for every parameter)
  out.push(['%00', 'a%00b'], ['encoded surrogate', '%ED%A0%80']);
  if (withHuge) out.push(['2 MB', 'q'.repeat(MB2)]);
  return out;
}

/** A schema guessed from a value: where the document says only "object" (the policy), the value knows more. */
function schemaOfValue(v: unknown): JsonSchema {
  if (typeof v === 'number') return { type: Number.isInteger(v) ? 'integer' : 'number', ...(v >= 0 ? { minimum: 0 } : {}) };
  if (typeof v === 'string') return { type: 'string' };
  if (typeof v === 'boolean') return { type: 'boolean' };
  if (Array.isArray(v)) return { type: 'array' };
  if (v === null) return { type: 'null' };
  return { type: 'object' };
}

/** Leaves and objects of a value (dotted paths, depth-first, array items by index), to `depth` levels. */
function pathsOf(v: unknown, prefix: string[] = [], depth = 0): Array<{ path: string[]; value: unknown }> {
  if (v === null || typeof v !== 'object' || depth > 4) return [];
  const out: Array<{ path: string[]; value: unknown }> = [];
  for (const [key, item] of Array.isArray(v) ? v.slice(0, 2).map((x, i) => [String(i), x] as const) : Object.entries(v)) {
    out.push({ path: [...prefix, key], value: item });
    out.push(...pathsOf(item, [...prefix, key], depth + 1));
  }
  return out;
}

/** Mutations of a known valid body's own fields (the schema may not describe them): one per field first. */
export function valueMutations(base: unknown, limit: number): Array<{ name: string; body: unknown }> {
  const all = pathsOf(base);
  // more fields than cases: fields spread evenly over the document, not only its first ones
  const picked = all.length <= limit ? all : Array.from({ length: limit }, (_, i) => all[Math.floor((i * all.length) / limit)]!);
  const lists = picked.map((f) => ({ f, values: invalidValues(schemaOfValue(f.value), false) }));
  const out: Array<{ name: string; body: unknown }> = [];
  for (let round = 0; out.length < limit && lists.some((l) => l.values[round]); round++) {
    for (const { f, values } of lists) {
      const v = values[round];
      if (!v || out.length >= limit) continue;
      out.push({ name: `body.${f.path.join('.')}: ${v[0]}`, body: withArrayValue(base, f.path, v[1]) });
    }
  }
  return out;
}

/** Like withValue, but keeps arrays arrays (a mutation inside the policy's lists). */
function withArrayValue(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[Number(head)] = withArrayValue(copy[Number(head)], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = base !== null && typeof base === 'object' ? { ...(base as Record<string, unknown>) } : {};
  copy[head!] = withArrayValue(copy[head!], rest, value);
  return copy;
}
