/**
 * Evidence upload as streamed multipart/form-data (#9 item 8, R-D1) through a real listening server
 * on real PostgreSQL: files of 5 MB and of 50 MiB - 1 byte are accepted, stored in chunks and
 * downloaded byte for byte (sha256 in the event); one byte over the limit is a 413 naming the field
 * `file` and the limit, with nothing written; wrong types, empty files, junk forms are 4xx naming
 * their field. The JSON/base64 form of the step is gone (415).
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../test/db-assertions.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { EVIDENCE_CHUNK_BYTES } from '../../db/repositories/evidence.repository.js';
import { verifyEvidence } from '../../services/complaints/evidence-verify.service.js';
import { DEFAULT_EVIDENCE_MAX_BYTES } from '../../services/workflow/handlers/evidence-file.js';
import type { StoredComplaintEvent } from '../../domain/events/event-types.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../schemas/complaint.responses.js';

const MAX = DEFAULT_EVIDENCE_MAX_BYTES;
let t: TestApp;
let base = '';
let session = { cookie: '', csrf: '' };
let phone = 13900000700;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { cookie, csrf } = await t.login('agent');
  session = { cookie, csrf };
});
afterAll(async () => t.close());

type Detail = ComplaintDetailAnswer;
/** The file an add_evidence event names (its payload as the history answers it). */
type EvidenceEvent = StoredComplaintEvent<'add_evidence'>;
type FileMeta = NonNullable<EvidenceEvent['payload']['file']>;

async function investigating(): Promise<Detail> {
  phone += 1;
  const res = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '上传', phone: String(phone) } }) },
    'agent',
  );
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json<Detail>();
  expect((await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/start-investigation`, payload: {} }, 'agent')).statusCode).toBe(
    200,
  );
  return c;
}

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Bytes of `size` that start with `head` (a signature) and vary after it. */
function bytes(size: number, head: readonly number[] | string): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4096) b.writeUInt32LE((i * 2654435761) >>> 0, i);
  Buffer.from(typeof head === 'string' ? Buffer.from(head, 'latin1') : head).copy(b);
  return b;
}
const pdf = (size: number) => bytes(size, '%PDF-1.7\n');
const mp3 = (size: number) => bytes(size, 'ID3\u0004\u0000');

async function upload(id: string, form: FormData, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/api/complaints/${id}/add-evidence`, {
    method: 'POST',
    body: form,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

function form(fields: Record<string, string>, file?: { bytes: Buffer; type: string; name: string }, field = 'file'): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (file) f.append(field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return f;
}

async function lastFile(id: string): Promise<FileMeta> {
  const got = await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` }, 'agent');
  if (got.statusCode !== 200) throw new Error(got.body);
  const events = got.json<ComplaintEventsAnswer>();
  const e = events.items.filter((x) => x.type === 'add_evidence').pop() as EvidenceEvent | undefined;
  if (!e?.payload.file) throw new Error('no evidence file event');
  return e.payload.file;
}

async function download(c: Detail, fileId: string) {
  const res = await fetch(`${base}/api/complaints/${c.number}/evidence/${fileId}`, {
    headers: { cookie: session.cookie, 'accept-encoding': 'gzip' },
  });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

async function counts(complaintId: string) {
  const n = async (table: 'complaint_records' | 'complaint_events') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('complaint_id', '=', complaintId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { records: await n('complaint_records'), events: await n('complaint_events') };
}

function expectRefusal(r: { status: number; body: unknown }, status: number, code: string, field: string): ApiErrorBody {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const body = r.body as ApiErrorBody;
  expect(body.code).toBe(code);
  expect(body.fields.map((f) => f.field)).toContain(field);
  return body;
}

/** Declares a body twice the limit, sends a few bytes of it and waits for the answer. */
function declaredTooLarge(id: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/complaints/${id}/add-evidence`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(MAX * 2),
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode);
      req.destroy();
    });
    req.on('error', reject);
    req.write('--x\r\n');
  });
}

const evidenceTemps = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('evidence-'));

describe('evidence upload as streamed multipart (#9 item 8, R-D1)', () => {
  it(
    'a 5 MB call recording: stored in chunks, its sha256 in the event, downloaded byte for byte with a UTF-8 name',
    { timeout: 60_000 },
    async () => {
      const c = await investigating();
      const recording = mp3(5 * 1000 * 1000);
      const r = await upload(
        c.id,
        form(
          { method: 'interview', note: '通话录音：客户确认理赔金额' },
          { bytes: recording, type: 'audio/mpeg', name: '客户来电 录音 2026-11-20.mp3' },
        ),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const meta = await lastFile(c.id);
      expect(meta).toMatchObject({
        name: '客户来电 录音 2026-11-20.mp3',
        contentType: 'audio/mpeg',
        size: recording.length,
        sha256: sha256(recording),
      });
      const chunks = await t.db.selectFrom('evidence_file_chunks').select('seq').where('file_id', '=', meta.id).execute();
      expect(chunks).toHaveLength(Math.ceil(recording.length / EVIDENCE_CHUNK_BYTES));

      const { res, body } = await download(c, meta.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('audio/mpeg');
      expect(res.headers.get('content-length')).toBe(String(recording.length));
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="____ __ 2026-11-20.mp3"; filename*=UTF-8''${encodeURIComponent('客户来电 录音 2026-11-20.mp3')}`,
      );
      expect(sha256(body)).toBe(meta.sha256);
      expect(body.equals(recording)).toBe(true);
    },
  );

  it(
    '50 MiB - 1 byte is accepted and comes back identical; 50 MiB + 1 is a 413 naming `file` and the limit, with nothing written',
    { timeout: 240_000 },
    async () => {
      const c = await investigating();
      const scan = pdf(MAX - 1);
      const ok = await upload(
        c.id,
        form({ method: 'document_review', note: '扫描件：客户来信' }, { bytes: scan, type: 'application/pdf', name: 'letter.pdf' }),
      );
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      const meta = await lastFile(c.id);
      expect(meta.size).toBe(MAX - 1);
      expect(meta.sha256).toBe(sha256(scan));
      const { body } = await download(c, meta.id);
      expect(body.length).toBe(MAX - 1);
      expect(sha256(body)).toBe(sha256(scan));

      const before = await counts(c.id);
      const filesBefore = await t.db.selectFrom('evidence_files').select('id').execute();
      const tooBig = await upload(
        c.id,
        form({ method: 'document_review', note: '过大' }, { bytes: pdf(MAX + 1), type: 'application/pdf', name: 'big.pdf' }),
      );
      const err = expectRefusal(tooBig, 413, 'file_too_large', 'file');
      expect(err.message).toContain('50');
      expect(await counts(c.id)).toEqual(before);
      expect(await t.db.selectFrom('evidence_files').select('id').execute()).toHaveLength(filesBefore.length);
      // a body that declares more than the limit is refused before it is read
      expect(await declaredTooLarge(c.id)).toBe(413);
      expect(await evidenceTemps()).toEqual([]);
    },
  );

  it('type, emptiness and content are checked, each refusal naming its field; nothing is stored', async () => {
    const c = await investigating();
    const before = await counts(c.id);
    const note = { method: 'interview', note: 'x' };
    expectRefusal(
      await upload(c.id, form(note, { bytes: Buffer.from('MZ\x90\x00'), type: 'application/x-msdownload', name: 'setup.exe' })),
      415,
      'file_type_not_allowed',
      'file',
    );
    expectRefusal(
      await upload(c.id, form(note, { bytes: Buffer.alloc(0), type: 'application/pdf', name: 'empty.pdf' })),
      400,
      'file_empty',
      'file',
    );
    expectRefusal(
      await upload(c.id, form(note, { bytes: Buffer.from('just text, not a PDF'), type: 'application/pdf', name: 'fake.pdf' })),
      400,
      'file_content_mismatch',
      'file',
    );
    expectRefusal(
      await upload(c.id, form({ method: 'interview' }, { bytes: pdf(100), type: 'application/pdf', name: 'a.pdf' })),
      400,
      'validation_failed',
      'note',
    );
    expectRefusal(await upload(c.id, form({ method: 'telepathy', note: 'x' })), 400, 'validation_failed', 'method');
    expectRefusal(await upload(c.id, form({ ...note, note: 'a\u0000b' })), 400, 'validation_failed', 'note');
    expectRefusal(await upload(c.id, form({ ...note, colour: 'red' })), 400, 'unknown_field', 'body');
    expectRefusal(
      await upload(c.id, form(note, { bytes: pdf(100), type: 'application/pdf', name: 'a.pdf' }, 'attachment')),
      400,
      'unknown_field',
      'body',
    );
    const two = form(note, { bytes: pdf(100), type: 'application/pdf', name: 'a.pdf' });
    two.append('file', new Blob([new Uint8Array(pdf(100))], { type: 'application/pdf' }), 'b.pdf');
    expectRefusal(await upload(c.id, two), 400, 'too_many_files', 'file');
    // the JSON (base64) form of the step is gone; a broken multipart body is a 400
    const json = await t.inject(
      {
        method: 'POST',
        url: `/api/complaints/${c.id}/add-evidence`,
        payload: { method: 'interview', note: 'x', file: { name: 'a.txt', contentType: 'text/plain', base64: 'eA==' } },
      },
      'agent',
    );
    expect(json.statusCode, json.body).toBe(415);
    expect((json.json() as ApiErrorBody).code).toBe('multipart_required');
    const broken = await t.inject(
      {
        method: 'POST',
        url: `/api/complaints/${c.id}/add-evidence`,
        headers: { 'content-type': 'multipart/form-data; boundary=zz' },
        payload: '--zz\r\nContent-Disposition: form-data; name="note"\r\n\r\nunterminated',
      },
      'agent',
    );
    expect(broken.statusCode, broken.body).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode, broken.body).toBeLessThan(500);
    const noBoundary = await t.inject(
      { method: 'POST', url: `/api/complaints/${c.id}/add-evidence`, headers: { 'content-type': 'multipart/form-data' }, payload: 'junk' },
      'agent',
    );
    expect(noBoundary.statusCode, noBoundary.body).toBe(400);
    expect(await counts(c.id)).toEqual(before);
    expect(await evidenceTemps()).toEqual([]);

    // a note without a file, a WAV recording declared by an alias, a file typed only by its extension
    expect((await upload(c.id, form({ method: 'site_visit', note: '现场记录' }))).status).toBe(200);
    expect(
      (
        await upload(
          c.id,
          form(note, { bytes: bytes(2000, 'RIFF\u0000\u0000\u0000\u0000WAVEfmt '), type: 'audio/x-wav', name: 'call.wav' }),
        )
      ).status,
    ).toBe(200);
    expect((await lastFile(c.id)).contentType).toBe('audio/wav');
    expect((await upload(c.id, form(note, { bytes: bytes(2000, '#!AMR\n'), type: '', name: 'call.amr' }))).status).toBe(200);
    expect((await lastFile(c.id)).contentType).toBe('audio/amr');
  });

  it('refused before the upload when the complaint takes no evidence (409) or is out of scope (404)', async () => {
    phone += 1;
    const fresh = (
      await t.inject(
        { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '未调查', phone: String(phone) } }) },
        'agent',
      )
    ).json<Detail>();
    expect(
      (await upload(fresh.id, form({ method: 'interview', note: 'x' }, { bytes: pdf(1000), type: 'application/pdf', name: 'a.pdf' })))
        .status,
    ).toBe(409);
    const { cookie, csrf } = await t.login('handler');
    const res = await fetch(`${base}/api/complaints/${fresh.id}/add-evidence`, {
      method: 'POST',
      body: form({ method: 'interview', note: 'x' }),
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(res.status).toBe(404);
  });

  it('verify-ledger finds a changed byte of a stored file (the sha256 in the hash-chained event)', async () => {
    expect((await verifyEvidence(t.db)).mismatched).toEqual([]);
    const c = await investigating();
    const r = await upload(
      c.id,
      form({ method: 'interview', note: '录音' }, { bytes: mp3(3 * EVIDENCE_CHUNK_BYTES), type: 'audio/mpeg', name: 'call.mp3' }),
    );
    expect(r.status).toBe(200);
    const meta = await lastFile(c.id);
    // the triggers refuse the change; a superuser bypassing them is still found out
    await expect(sql`UPDATE evidence_file_chunks SET bytes = 'x' WHERE file_id = ${meta.id} AND seq = 1`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`UPDATE evidence_file_chunks SET bytes = overlay(bytes placing ${Buffer.from([0xff])}::bytea from 100 for 1) WHERE file_id = ${meta.id} AND seq = 1`.execute(
        trx,
      );
    });
    expect((await verifyEvidence(t.db)).mismatched).toEqual([
      { fileId: meta.id, complaintId: c.id, recorded: meta.sha256, actual: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });

  it('an upload the client abandons halfway leaves no row and no temp file; the server keeps serving', async () => {
    const c = await investigating();
    const before = await counts(c.id);
    const boundary = 'abandoned';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="method"\r\n\r\ninterview\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    let abandon: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      const req = request(`${base}/api/complaints/${c.id}/add-evidence`, {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(4 * EVIDENCE_CHUNK_BYTES),
        },
      });
      req.on('error', () => resolve());
      req.on('response', (res) => {
        res.resume();
        resolve();
      });
      req.write(head);
      req.write(pdf(EVIDENCE_CHUNK_BYTES));
      abandon = () => req.destroy();
    });
    // the server is streaming the file to its temp file when the client goes away
    await expect.poll(async () => (await evidenceTemps()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    abandon();
    await done;
    await expect.poll(evidenceTemps, { timeout: 10_000 }).toEqual([]);
    expect(await counts(c.id)).toEqual(before);
    expect(
      (await upload(c.id, form({ method: 'interview', note: '重新上传' }, { bytes: pdf(1000), type: 'application/pdf', name: 'a.pdf' })))
        .status,
    ).toBe(200);
  });

  it('the limits are published for the web app to check before uploading', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/evidence/settings' }, 'agent');
    expect(res.json()).toMatchObject({
      maxBytes: MAX,
      contentTypes: expect.arrayContaining(['audio/mpeg', 'audio/wav', 'audio/amr', 'application/pdf', 'image/tiff']),
    });
  });

  it('the OpenAPI document describes the step as multipart/form-data with a binary file', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        { post?: { requestBody?: { content: Record<string, { schema: { properties: Record<string, { format?: string }> } }> } } }
      >;
    };
    const content = doc.paths['/api/complaints/{id}/add-evidence']?.post?.requestBody?.content ?? {};
    expect(Object.keys(content)).toEqual(['multipart/form-data']);
    expect(content['multipart/form-data']?.schema.properties.file?.format).toBe('binary');
  });
});
