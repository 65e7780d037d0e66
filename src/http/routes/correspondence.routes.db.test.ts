/**
 * Attachments at intake (#12 item 4, R-B4) and the correspondence thread (#12 item 5) through HTTP on
 * real PostgreSQL: files added to a closed complaint, stored with their sha256 and downloadable; a
 * file whose content is not its type refused naming it; the thread merging letters, e-mail replies
 * and messages to the complainant in time order with their delivery status; a reply queued through
 * the outbox as a message; addresses masked by role; refusals by permission and scope.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../test/db-assertions.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { sendMessage } from '../../services/channels/message-send.service.js';
import { dispatchOutboxRow } from '../../services/channels/outbox-dispatch.service.js';
import { buildTransports } from '../../services/channels/transports/index.js';
import { addCorrespondence } from '../../services/complaints/channel-intake.service.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../schemas/complaint.responses.js';
import type { AttachmentsAnswer, ThreadAnswer, ThreadItemAnswer } from './correspondence.routes.js';

let t: TestApp;
let phone = 13900001200;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Part {
  name: string;
  type: string;
  bytes: Buffer;
}

/** A multipart/form-data body: text fields, then the parts of `files`. */
function form(fields: Record<string, string>, files: Part[] = [], fileField = 'files') {
  const b = 'correspondence-test-boundary';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(
        // as browsers send it: the name in UTF-8
        `--${b}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
    );
    chunks.push(f.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

async function register(overrides: Record<string, unknown> = {}, as = 'agent'): Promise<ComplaintDetailAnswer> {
  phone += 1;
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ complainant: { name: '来信人', phone: String(phone) }, ...overrides }),
    },
    as,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDetailAnswer>();
}

/** A level-3 complaint answered on the spot and closed: the counter's everyday case. */
async function closedOnTheSpot(): Promise<ComplaintDetailAnswer> {
  const c = await register();
  const step = async (action: string, payload: Record<string, unknown>) => {
    const res = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/${action}`, payload }, 'agent');
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  await step('send-feedback', { method: 'phone', content: '当场解释理赔规则，客户认可。', solvedOnTheSpot: true });
  await step('grade', { level: 3 });
  await step('record-survey', { satisfied: true, score: 5, method: 'phone' });
  await step('close', { outcome: 'upheld', summary: '当场解决' });
  return c;
}

async function thread(id: string, as = 'agent'): Promise<ThreadItemAnswer[]> {
  const res = await t.inject({ method: 'GET', url: `/api/complaints/${id}/correspondence` }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ThreadAnswer>().items;
}

/** Hands the complaint's waiting outbox rows to their channels (what the outbox.dispatch job does). */
async function dispatchAll(complaintId: string): Promise<void> {
  const rows = await t.db
    .selectFrom('outbox')
    .select('id')
    .where('dispatched_at', 'is', null)
    .where(sql<string>`payload->>'complaintId'`, '=', complaintId)
    .execute();
  for (const r of rows) await dispatchOutboxRow(t.ctx, String(r.id));
}

async function messagesOf(complaintId: string) {
  return t.db.selectFrom('messages').selectAll().where('complaint_id', '=', complaintId).orderBy('created_at').execute();
}

describe('attachments at intake (#12 item 4, R-B4)', () => {
  it('are accepted on a closed complaint: evidence files with their sha256, an attachment record and event, downloadable', async () => {
    const c = await closedOnTheSpot();
    const upload = form({ note: '柜面收取的客户来信扫描件' }, [
      { name: '客户来信.pdf', type: 'application/pdf', bytes: PDF },
      { name: '现场照片.png', type: 'image/png', bytes: PNG },
    ]);
    const res = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/attachments`, ...upload }, 'agent');
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json<AttachmentsAnswer>();
    expect(added.files.map((f) => [f.name, f.contentType, f.size, f.sha256])).toEqual([
      ['客户来信.pdf', 'application/pdf', PDF.length, sha256(PDF)],
      ['现场照片.png', 'image/png', PNG.length, sha256(PNG)],
    ]);

    const record = await t.db.selectFrom('complaint_records').selectAll().where('id', '=', added.recordId).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ kind: 'attachment', created_by: 'agent' });
    expect(record.data).toMatchObject({ source: 'staff', note: '柜面收取的客户来信扫描件' });

    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/events` }, 'agent')).json<ComplaintEventsAnswer>();
    const received = events.items.find((e) => e.type === 'attachments_received');
    expect(received?.payload).toMatchObject({ recordId: added.recordId, source: 'staff', files: added.files });

    const download = await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/evidence/${added.files[1]?.id}` }, 'auditor');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(sha256(download.rawPayload)).toBe(sha256(PNG));
    const status = await t.db.selectFrom('complaints').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(status.status).toBe('closed');
  });

  it('a .pdf that is really a PNG is refused 400 naming the file, and nothing is stored', async () => {
    const c = await register();
    const before = await t.db.selectFrom('evidence_files').select('id').where('complaint_id', '=', c.id).execute();
    const upload = form({}, [
      { name: '照片.png', type: 'image/png', bytes: PNG },
      { name: '合同.pdf', type: 'application/pdf', bytes: PNG },
    ]);
    const res = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/attachments`, ...upload }, 'agent');
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<ApiErrorBody>();
    expect(body.code).toBe('file_content_mismatch');
    expect(body.fields[0]?.field).toBe('files[1]');
    expect(body.message).toContain('合同.pdf');
    const after = await t.db.selectFrom('evidence_files').select('id').where('complaint_id', '=', c.id).execute();
    expect(after).toEqual(before);
  });

  it('refusals: no file, not multipart, a role that does not register complaints, a complaint out of scope', async () => {
    const c = await register();
    const none = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/attachments`, ...form({ note: '无文件' }) }, 'agent');
    expect(none.statusCode).toBe(400);
    expect(none.json<ApiErrorBody>().fields[0]?.field).toBe('files');
    const json = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/attachments`, payload: { files: [] } }, 'agent');
    expect(json.statusCode).toBe(415);
    const upload = form({}, [{ name: 'a.png', type: 'image/png', bytes: PNG }]);
    const auditor = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/attachments`, ...upload }, 'auditor');
    expect(auditor.statusCode).toBe(403);
    const handler = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/attachments`, ...upload }, 'handler');
    expect(handler.statusCode).toBe(403);
    // a branch agent of another branch does not see it: the same answer as a number that does not exist
    const other = await register({ branchId: 'BJ-CY' }, 'tester');
    const branch = await t.inject({ method: 'POST', url: `/api/complaints/${other.id}/attachments`, ...upload }, 'branch');
    expect(branch.statusCode).toBe(404);
    expect(branch.json<ApiErrorBody>().code).toBe('complaint_not_found');
  });
});

describe('the correspondence thread (#12 item 5, R-B1, R-D4)', () => {
  it('merges letters, e-mail replies and messages to the complainant in time order, with their delivery status', async () => {
    const c = await register({
      channel: 'letter',
      complainant: { name: '孙八', email: 'sun.ba@example.com', address: '上海市浦东新区 1 号' },
    });
    // the acknowledgment (letters are acknowledged in writing), sent through the development mailbox
    await dispatchAll(c.id);
    const [ack] = await messagesOf(c.id);
    expect(ack?.purpose).toBe('acknowledgment');
    // the development mailbox confirms delivery at once
    expect(await sendMessage(t.ctx, buildTransports(t.ctx), ack?.id ?? '', { last: false })).toBe('sent');

    t.setNow('2026-11-25T03:00:00Z');
    const letter = await t.inject(
      {
        method: 'POST',
        url: `/api/complaints/${c.id}/correspondence/letter`,
        ...form({ text: '补充：维修发票见附件。', subject: '补充材料' }, [{ name: '发票.pdf', type: 'application/pdf', bytes: PDF }]),
      },
      'agent',
    );
    expect(letter.statusCode, letter.body).toBe(201);
    expect(letter.json<ThreadItemAnswer>()).toMatchObject({ direction: 'inbound', channel: 'letter', subject: '补充材料', by: 'agent' });

    t.setNow('2026-11-25T04:00:00Z');
    await addCorrespondence(t.ctx, c.id, {
      channel: 'email',
      subject: `Re: ${c.number}`,
      text: '请问何时处理完毕？',
      from: '孙八 <sun.ba@example.com>',
      messageId: '<reply-1@example.com>',
      files: [],
      by: 'mail:test',
    });

    t.setNow('2026-11-25T05:00:00Z');
    const reply = await t.inject(
      {
        method: 'POST',
        url: `/api/complaints/${c.id}/correspondence/reply`,
        payload: { channel: 'email', subject: '处理进度', text: '您好，我们将于三个工作日内答复。' },
      },
      'agent',
    );
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json<ThreadItemAnswer>()).toMatchObject({
      direction: 'outbound',
      status: 'queued',
      purpose: 'reply',
      to: 's***@example.com',
    });

    // before the dispatcher: the reply is in the thread as queued
    let items = await thread(c.id);
    expect(items.map((i) => [i.direction, i.channel, i.purpose, i.status])).toEqual([
      ['outbound', 'email', 'acknowledgment', 'delivered'],
      ['inbound', 'letter', null, null],
      ['inbound', 'email', null, null],
      ['outbound', 'email', 'reply', 'queued'],
    ]);
    expect(items[1]?.files.map((f) => f.name)).toEqual(['发票.pdf']);
    expect(items[3]?.text).toContain('您好，我们将于三个工作日内答复。');
    expect(items[3]?.subject).toContain('处理进度');
    expect(items[3]?.subject).toContain(c.number);

    // dispatched and sent: the same place in the thread, now a message with its status
    await dispatchAll(c.id);
    const replyMessage = (await messagesOf(c.id)).find((m) => m.purpose === 'reply');
    expect(replyMessage).toMatchObject({
      template: 'complainant.reply',
      channel: 'email',
      status: 'queued',
      recipient_kind: 'complainant',
    });
    expect(await sendMessage(t.ctx, buildTransports(t.ctx), replyMessage?.id ?? '', { last: false })).toBe('sent');
    items = await thread(c.id);
    expect(items.map((i) => [i.direction, i.purpose, i.status])).toEqual([
      ['outbound', 'acknowledgment', 'delivered'],
      ['inbound', null, null],
      ['inbound', null, null],
      ['outbound', 'reply', 'delivered'],
    ]);
    expect(items[3]?.id).toBe(replyMessage?.id);
    const mail = await t.db
      .selectFrom('development_messages')
      .selectAll()
      .where('message_id', '=', replyMessage?.id ?? '')
      .executeTakeFirst();
    expect(mail?.body).toContain('您好，我们将于三个工作日内答复。');
    expect(mail?.subject).toContain(c.number);
  });

  it('a reply queues one outbox row and records correspondence_sent; a dead SMS shows as dead', async () => {
    const c = await register();
    const outboxBefore = await t.db.selectFrom('outbox').select('id').where('topic', '=', 'complaint.reply').execute();
    const res = await t.inject(
      { method: 'POST', url: `/api/complaints/${c.number}/correspondence/reply`, payload: { channel: 'sms', text: '材料已收到。' } },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(201);
    const rows = await t.db.selectFrom('outbox').selectAll().where('topic', '=', 'complaint.reply').execute();
    expect(rows).toHaveLength(outboxBefore.length + 1);
    const row = rows.find((r) => !outboxBefore.some((b) => b.id === r.id));
    expect(row?.payload).toMatchObject({ complaintId: c.id, method: 'sms', text: '材料已收到。', by: 'agent' });
    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/events` }, 'agent')).json<ComplaintEventsAnswer>();
    expect(events.items.find((e) => e.type === 'correspondence_sent')?.payload).toMatchObject({
      channel: 'sms',
      text: '材料已收到。',
      outboxKey: row?.idempotency_key,
    });

    await dispatchAll(c.id);
    const [sms] = await messagesOf(c.id);
    expect(sms).toMatchObject({ purpose: 'reply', channel: 'sms', template: 'complainant.reply' });
    // the number is gone by the time it is sent: a permanent failure
    await t.db.updateTable('complaints').set({ complainant_phone: null }).where('id', '=', c.id).execute();
    expect(await sendMessage(t.ctx, buildTransports(t.ctx), sms?.id ?? '', { last: false })).toBe('dead');
    const [item] = await thread(c.id);
    expect(item).toMatchObject({ direction: 'outbound', channel: 'sms', status: 'dead', subject: null });
  });

  it('reply refusals: no address for the channel (naming it), empty or too long text, no permission, out of scope', async () => {
    const c = await register();
    const url = `/api/complaints/${c.id}/correspondence/reply`;
    const noEmail = await t.inject({ method: 'POST', url, payload: { channel: 'email', text: '您好' } }, 'agent');
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json<ApiErrorBody>().fields).toMatchObject([{ field: 'channel', code: 'no_contact_for_method' }]);
    const blank = await t.inject({ method: 'POST', url, payload: { channel: 'sms', text: '   ' } }, 'agent');
    expect(blank.json<ApiErrorBody>().fields[0]).toMatchObject({ field: 'text', code: 'required' });
    const long = await t.inject({ method: 'POST', url, payload: { channel: 'sms', text: '长'.repeat(501) } }, 'agent');
    expect(long.json<ApiErrorBody>().fields[0]).toMatchObject({ field: 'text', code: 'too_big' });
    for (const who of ['auditor', 'handler', 'inspector']) {
      const res = await t.inject({ method: 'POST', url, payload: { channel: 'sms', text: '您好' } }, who);
      expect(res.statusCode, who).toBe(403);
    }
    const other = await register({ branchId: 'BJ-CY' }, 'tester');
    const outside = await t.inject(
      { method: 'POST', url: `/api/complaints/${other.id}/correspondence/reply`, payload: { channel: 'sms', text: '您好' } },
      'branch',
    );
    expect(outside.statusCode).toBe(404);
    expect(
      await t.db
        .selectFrom('outbox')
        .select('id')
        .where(sql<string>`payload->>'complaintId'`, '=', c.id)
        .where('topic', '=', 'complaint.reply')
        .execute(),
    ).toEqual([]);
  });

  it('senders are shown in clear to readers who may see personal data, masked to the others; each read is audited', async () => {
    const c = await register();
    t.setNow('2026-11-25T06:00:00Z');
    await addCorrespondence(t.ctx, c.id, {
      channel: 'email',
      subject: '投诉补充',
      text: '补充说明',
      from: '"Zhou Jiu" <zhou.jiu@example.com>',
      messageId: '<m-2@example.com>',
      files: [],
      by: 'mail:test',
    });
    t.setNow('2026-11-25T06:05:00Z');
    await addCorrespondence(t.ctx, c.id, { channel: 'sms', text: '已收到', from: '13812345678', files: [], by: 'sms:test' });
    const agent = await thread(c.id, 'agent');
    expect(agent.map((i) => i.from)).toEqual(['"Zhou Jiu" <zhou.jiu@example.com>', '13812345678']);
    const auditor = await thread(c.id, 'auditor');
    expect(auditor.map((i) => i.from)).toEqual(['Zhou Jiu <z***@example.com>', '138****5678']);
    expect(JSON.stringify(auditor)).not.toContain('zhou.jiu');

    const reads = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('action', '=', 'complaint.read_correspondence')
      .where('target_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(reads.map((r) => [r.actor, (r.details as { masked: boolean }).masked])).toEqual([
      ['agent', false],
      ['auditor', true],
    ]);
  });

  it('letters: text and a scan required, a mismatched scan refused naming it, recorded by those who register complaints only', async () => {
    const c = await register();
    const url = `/api/complaints/${c.id}/correspondence/letter`;
    const noText = await t.inject({ method: 'POST', url, ...form({ subject: '无正文' }) }, 'agent');
    expect(noText.statusCode).toBe(400);
    expect(noText.json<ApiErrorBody>().fields[0]?.field).toBe('text');
    const bad = await t.inject(
      { method: 'POST', url, ...form({ text: '来信' }, [{ name: '扫描.pdf', type: 'application/pdf', bytes: PNG }]) },
      'agent',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiErrorBody>().message).toContain('扫描.pdf');
    const handler = await t.inject({ method: 'POST', url, ...form({ text: '来信' }) }, 'handler');
    expect(handler.statusCode).toBe(403);
    const noScan = await t.inject({ method: 'POST', url, ...form({ text: '客户来信，无附件。' }) }, 'supervisor');
    expect(noScan.statusCode, noScan.body).toBe(400);
    expect(noScan.json<ApiErrorBody>().fields[0]).toMatchObject({ field: 'files', code: 'required' });
    const scanned = await t.inject(
      { method: 'POST', url, ...form({ text: '客户来信，附扫描件。' }, [{ name: '来信.pdf', type: 'application/pdf', bytes: PDF }]) },
      'supervisor',
    );
    expect(scanned.statusCode, scanned.body).toBe(201);
    expect(await thread(c.id)).toMatchObject([
      { direction: 'inbound', channel: 'letter', text: '客户来信，附扫描件。', files: [{ name: '来信.pdf' }], by: 'supervisor' },
    ]);
  });

  it('reading the thread is reading the complaint: 404 out of scope, 403 without complaint.read', async () => {
    const other = await register({ branchId: 'BJ-CY' }, 'tester');
    const outside = await t.inject({ method: 'GET', url: `/api/complaints/${other.id}/correspondence` }, 'branch');
    expect(outside.statusCode).toBe(404);
    const admin = await t.inject({ method: 'GET', url: `/api/complaints/${other.id}/correspondence` }, 'admin');
    expect(admin.statusCode).toBe(403);
  });
});
