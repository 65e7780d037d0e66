/**
 * Complaints and messages that arrive by themselves (#12, R-B1, R-B4): registered unassigned with
 * their files under the hash chain, supervisors told; an inbound message stored with its files and
 * told to the handler.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from './ledger-verify.service.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { addCorrespondence, registerFromChannel, stageBuffer } from './channel-intake.service.js';
import type { IntakeInput } from '../../domain/complaint/intake.js';
import type { LedgerPageAnswer } from '../../http/schemas/complaint.responses.js';
import type { WorkbenchAnswer } from '../../http/schemas/workbench.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a picture')]);

function input(over: Partial<IntakeInput> = {}): IntakeInput {
  return {
    channel: 'web',
    businessLine: 'property_casualty',
    category: 'claims_dispute',
    description: '理赔款迟迟未到账。',
    urgent: false,
    riskFlags: [],
    jointComplainants: 1,
    complainant: { name: '李四', email: 'lisi@example.com' },
    ...over,
  };
}

describe('registerFromChannel (#12, R-B1, R-B4)', () => {
  it('registers an unassigned complaint with its files, an attachments_received event and a notice to supervisors', async () => {
    const staged = await stageBuffer(PNG, '../现场照片.png', 'image/png');
    try {
      const r = await registerFromChannel(t.ctx, { input: input(), files: [staged.file], by: 'portal' });
      expect(r.number).toMatch(/^TS\d{12}$/);
      const c = await t.db.selectFrom('complaints').selectAll().where('id', '=', r.complaintId).executeTakeFirstOrThrow();
      expect([c.assignee, c.tracker, c.created_by, c.channel]).toEqual([null, null, 'portal', 'web']);
      const files = await t.db
        .selectFrom('evidence_files')
        .select(['name', 'sha256', 'size', 'record_id'])
        .where('complaint_id', '=', c.id)
        .execute();
      expect(files).toEqual([
        { name: '现场照片.png', sha256: createHash('sha256').update(PNG).digest('hex'), size: PNG.length, record_id: expect.any(String) },
      ]);
      const record = await t.db.selectFrom('complaint_records').selectAll().where('id', '=', files[0]!.record_id).executeTakeFirstOrThrow();
      expect(record.kind).toBe('attachment');
      const events = await t.db
        .selectFrom('complaint_events')
        .select(['type', 'payload'])
        .where('complaint_id', '=', c.id)
        .orderBy('seq')
        .execute();
      expect(events.map((e) => e.type)).toContain('attachments_received');
      expect((await verifyLedger(t.db)).broken).toEqual([]);
      const notices = await t.db.selectFrom('notifications').select(['kind']).where('complaint_id', '=', c.id).execute();
      expect(notices.length).toBeGreaterThan(0);
      expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(['complaint_arrived']));
      // the acknowledgment goes out by the usual outbox row
      const outbox = await t.db
        .selectFrom('outbox')
        .select('topic')
        .where('idempotency_key', '=', `complaint.registered:${c.id}`)
        .execute();
      expect(outbox).toHaveLength(1);
    } finally {
      await staged.cleanup();
    }
  });

  it('writes nothing when the input breaks a rule', async () => {
    const before = await t.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(registerFromChannel(t.ctx, { input: input({ category: 'no_such' }), files: [], by: 'portal' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'category' })],
    });
    const after = await t.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('addCorrespondence (#12 item 5)', () => {
  it('stores the message with its files and an event, and tells the supervisors of an unassigned complaint', async () => {
    const { complaintId } = await registerFromChannel(t.ctx, { input: input(), files: [], by: 'portal' });
    const staged = await stageBuffer(Buffer.from('%PDF-1.4 a scanned page'), 'scan.pdf', 'application/pdf');
    try {
      const { recordId } = await addCorrespondence(t.ctx, complaintId, {
        channel: 'email',
        subject: 'Re: 受理回执',
        text: '补充材料见附件。',
        from: 'lisi@example.com',
        messageId: '<abc@example.com>',
        files: [staged.file],
        by: 'mail:test',
      });
      const record = await t.db.selectFrom('complaint_records').selectAll().where('id', '=', recordId).executeTakeFirstOrThrow();
      expect(record.kind).toBe('correspondence');
      expect(record.data).toMatchObject({
        direction: 'inbound',
        channel: 'email',
        text: '补充材料见附件。',
        messageId: '<abc@example.com>',
      });
      const event = await t.db
        .selectFrom('complaint_events')
        .select('payload')
        .where('complaint_id', '=', complaintId)
        .where('type', '=', 'correspondence_received')
        .executeTakeFirstOrThrow();
      expect(event.payload).toMatchObject({ recordId, channel: 'email', files: [expect.objectContaining({ name: 'scan.pdf' })] });
      const kinds = await t.db.selectFrom('notifications').select('kind').where('complaint_id', '=', complaintId).execute();
      expect(kinds.map((k) => k.kind)).toContain('customer_wrote');
      expect((await verifyLedger(t.db)).broken).toEqual([]);
    } finally {
      await staged.cleanup();
    }
  });
});

describe('an unassigned complaint waits for a handler (#12)', () => {
  it("shows on the supervisor's workbench and in the ledger filter; whoever assigns it tracks it (R-E1)", async () => {
    const { complaintId, number } = await registerFromChannel(t.ctx, { input: input({ channel: 'app' }), files: [], by: 'app' });
    const wb = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json<WorkbenchAnswer>();
    expect(wb.unassigned?.items.map((c) => c.number)).toContain(number);
    // a department handler does not assign: no such section
    const handlers = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'handler')).json<WorkbenchAnswer>();
    expect(handlers.unassigned).toBeNull();
    const ledger = await t.inject({ method: 'GET', url: '/api/complaints?unassigned=true&limit=200' }, 'supervisor');
    expect(ledger.json<LedgerPageAnswer>().items.map((c) => c.number)).toContain(number);
    const assigned = await t.inject(
      { method: 'POST', url: `/api/complaints/${complaintId}/assign`, payload: { assignee: 'agent' } },
      'supervisor',
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    const c = await t.db.selectFrom('complaints').select(['assignee', 'tracker']).where('id', '=', complaintId).executeTakeFirstOrThrow();
    expect(c).toEqual({ assignee: 'agent', tracker: 'supervisor' });
    const after = await t.inject({ method: 'GET', url: '/api/complaints?unassigned=true&limit=200' }, 'supervisor');
    expect(after.json<LedgerPageAnswer>().items.map((x) => x.number)).not.toContain(number);
  });
});
