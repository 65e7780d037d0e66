/**
 * Several app instances sweep one database (R-E3, issue #4 item 4): three sweepers with their own
 * connection pools run at once over many due clocks; every warning, breach, escalation, exception
 * and notification exists exactly once, and every complaint's hash chain still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { sweepClock, type SweepEffect } from '../../domain/clocks/clock-sweep.js';
import { createDatabase, type Database } from '../../db/database.js';
import type { ServiceContext } from '../context.js';
import { verifyLedger } from '../complaints/ledger-verify.service.js';
import { policyVersion } from '../administration/policy.service.js';
import { sweepClocks, type SweepCounts } from './sweeper.service.js';

let t: TestApp;
const T0 = '2026-11-25T02:00:00.000Z';
const SWEEP_AT = new Date(Date.parse(T0) + 2 * 24 * 60 * 60_000); // two days later: every level-1 step has fallen due
const COMPLAINTS = 30;
const pools: Database[] = [];

beforeAll(async () => {
  t = await createTestApp(T0);
  for (let i = 0; i < COMPLAINTS; i++) {
    const phone = `1370000${String(i).padStart(4, '0')}`;
    const res = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints',
        payload: complaintBody({ amount: '150000', receivedAt: T0, complainant: { name: `并发${i}`, phone } }),
      },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
  await t.close();
});

function instance(): ServiceContext {
  const db = createDatabase(t.url, 5);
  pools.push(db);
  return { db, timeZone: 'Asia/Shanghai', now: () => new Date(SWEEP_AT), security: t.ctx.security };
}

/** The key a fact's event is counted under. */
function factKey(clockId: string, type: string, payload: Record<string, unknown>): string {
  return `${clockId}:${type}:${String(payload.warning ?? payload.step ?? '')}`;
}
const EVENT_TYPE: Record<SweepEffect['type'], string> = {
  warning: 'clock_warning',
  breach: 'clock_breached',
  escalation: 'clock_escalated',
};
function effectKey(clockId: string, e: SweepEffect): string {
  return `${clockId}:${EVENT_TYPE[e.type]}:${e.type === 'warning' ? e.index : e.type === 'escalation' ? e.step : ''}`;
}

describe('three sweepers on one database', () => {
  it('sweep every due clock exactly once between them', async () => {
    // what one sweeper alone would do, from the clocks as they are
    const clocks = await t.db.selectFrom('complaint_clocks').selectAll().where('next_check_at', '<=', SWEEP_AT).execute();
    const { policy } = await policyVersion(t.db, clocks[0]!.policy_version);
    const expected = clocks.flatMap((k) =>
      sweepClock(
        {
          status: k.status,
          dueAt: k.due_at,
          warnAt: k.warn_at,
          warningsSent: k.warnings_sent,
          escalationStep: k.escalation_step,
          breachedAt: k.breached_at,
        },
        SWEEP_AT,
        policy.escalation.steps,
      ).effects.map((e) => ({ clockId: k.id, e })),
    );
    const count = (type: SweepEffect['type']) => expected.filter((x) => x.e.type === type).length;
    expect(count('breach')).toBeGreaterThanOrEqual(COMPLAINTS * 3); // report to supervisor, to leadership, meeting
    expect(count('escalation')).toBeGreaterThanOrEqual(COMPLAINTS * 9);

    const results: SweepCounts[] = await Promise.all([instance(), instance(), instance()].map((ctx) => sweepClocks(ctx, { batch: 4 })));
    const total = results.reduce((a, r) => ({
      checked: a.checked + r.checked,
      warnings: a.warnings + r.warnings,
      breaches: a.breaches + r.breaches,
      escalations: a.escalations + r.escalations,
      failed: a.failed + r.failed,
    }));
    expect(total).toEqual({
      checked: clocks.length,
      warnings: count('warning'),
      breaches: count('breach'),
      escalations: count('escalation'),
      failed: 0,
    });

    // events: each fact once, and nothing else
    const events = await t.db
      .selectFrom('complaint_events')
      .select(['type', 'payload'])
      .where('type', 'in', ['clock_warning', 'clock_breached', 'clock_escalated'])
      .execute();
    const seen = new Map<string, number>();
    for (const e of events) {
      const key = factKey(String(e.payload.clockId), e.type, e.payload);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect([...seen.keys()].sort()).toEqual(expected.map((x) => effectKey(x.clockId, x.e)).sort());

    // clocks: the state one sweeper alone would have left
    const after = new Map((await t.db.selectFrom('complaint_clocks').selectAll().execute()).map((k) => [k.id, k]));
    for (const k of clocks) {
      const want = sweepClock(
        {
          status: k.status,
          dueAt: k.due_at,
          warnAt: k.warn_at,
          warningsSent: k.warnings_sent,
          escalationStep: k.escalation_step,
          breachedAt: k.breached_at,
        },
        SWEEP_AT,
        policy.escalation.steps,
      );
      expect(after.get(k.id)).toMatchObject({
        status: want.status,
        warnings_sent: want.warningsSent,
        escalation_step: want.escalationStep,
        next_check_at: want.nextCheckAt,
      });
    }

    // exceptions: one per breached clock
    const exceptions = await t.db.selectFrom('complaint_exceptions').select(['clock_id', 'kind']).where('kind', '=', 'breach').execute();
    expect(exceptions).toHaveLength(count('breach'));
    expect(new Set(exceptions.map((e) => e.clock_id)).size).toBe(count('breach'));

    // notifications: every fact's key present, once per user, with one outbox message each
    const notes = await t.db.selectFrom('notifications').select(['source_key', 'user_id']).where('source_key', 'like', 'clock:%').execute();
    expect(new Set(notes.map((n) => `${n.source_key}|${n.user_id}`)).size).toBe(notes.length);
    const keys = new Set(notes.map((n) => n.source_key));
    for (const { clockId, e } of expected) {
      const key =
        e.type === 'warning'
          ? `clock:${clockId}:warn:${e.index}`
          : e.type === 'escalation'
            ? e.step === 0
              ? `clock:${clockId}:breach`
              : `clock:${clockId}:step:${e.step}`
            : null;
      if (key) expect(keys.has(key), key).toBe(true);
    }
    expect(keys.size).toBe(count('warning') + count('escalation'));
    const outbox = await t.db
      .selectFrom('outbox')
      .select('idempotency_key')
      .where('idempotency_key', 'like', 'notification:clock:%')
      .execute();
    expect(outbox).toHaveLength(notes.length);

    // leader and senior each told once per clock and step, not three times
    const leader = await t.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow();
    const leaderNotes = notes.filter((n) => n.user_id === leader.id);
    expect(leaderNotes).toHaveLength(expected.filter((x) => x.e.type === 'escalation' && x.e.step === 1).length);

    const ledger = await verifyLedger(t.db);
    expect(ledger.broken).toEqual([]);
    expect(ledger.complaints).toBe(COMPLAINTS);

    // and afterwards nothing is left to do at that instant
    const again = await Promise.all([instance(), instance()].map((ctx) => sweepClocks(ctx)));
    expect(again.map((r) => r.checked)).toEqual([0, 0]);
  });
});
