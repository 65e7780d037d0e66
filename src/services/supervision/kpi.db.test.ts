/**
 * KPIs per department and per person (#14 item 5, R-E6): the figures the API gives for a department
 * equal what this test computes from the complaints it made through the real workflow (answered on
 * time and late, surveyed satisfied and dissatisfied, one reopened, one left open past its deadline,
 * one received the month before); and who sees whose KPIs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { detail, tell, type Story } from '../../../test/kpi-scenario.js';
import type { ComplaintDetailAnswer } from '../../http/schemas/complaint.responses.js';
import type { z } from 'zod';
import type { kpiAnswer, kpiChoicesAnswer } from '../../http/schemas/assessment.schemas.js';

type Kpis = z.output<typeof kpiAnswer>;

let t: TestApp;
let cs: string;
let claims: string;
const made: Array<{ story: Story; id: string }> = [];

// received in November 2026 (Shanghai), except the first; l3 answer clock: 5 working days
const STORIES: Story[] = [
  // received in October, closed in November: counts for handling days only
  { received: '2026-10-29T02:00:00Z', handler: 'agent', feedback: '2026-10-30T02:00:00Z', satisfied: true, close: '2026-11-02T03:00:00Z' },
  // on time, satisfied, closed
  { received: '2026-11-02T02:00:00Z', handler: 'agent', feedback: '2026-11-03T02:00:00Z', satisfied: true, close: '2026-11-04T02:00:00Z' },
  // late answer (8 working days), satisfied, closed
  { received: '2026-11-02T03:00:00Z', handler: 'agent', feedback: '2026-11-12T03:00:00Z', satisfied: true, close: '2026-11-13T03:00:00Z' },
  // on time, dissatisfied, reopened (open at the end: a new result clock)
  {
    received: '2026-11-03T02:00:00Z',
    handler: 'agent',
    feedback: '2026-11-04T02:00:00Z',
    satisfied: false,
    reopen: '2026-11-05T02:00:00Z',
  },
  // another handler of the department: on time, satisfied, closed
  {
    received: '2026-11-05T02:00:00Z',
    handler: 'supervisor',
    feedback: '2026-11-06T02:00:00Z',
    satisfied: true,
    close: '2026-11-09T02:00:00Z',
  },
  // late, not surveyed (feedback only)
  { received: '2026-11-09T02:00:00Z', handler: 'supervisor', feedback: '2026-11-20T02:00:00Z' },
  // never answered: past its deadline at the end of the month
  { received: '2026-11-10T02:00:00Z', handler: 'agent' },
  // received on the last day: not yet due when computed
  { received: '2026-11-30T02:00:00Z', handler: 'agent' },
];
const NOW = '2026-12-01T02:00:00Z';

beforeAll(async () => {
  t = await createTestApp('2026-10-29T02:00:00Z');
  const units = await t.db.selectFrom('org_units').select(['id', 'code']).execute();
  cs = units.find((u) => u.code === 'CS')!.id;
  claims = units.find((u) => u.code === 'CLAIMS')!.id;
  for (const story of STORIES) made.push({ story, id: await tell(t, story) });
  t.setNow(NOW);
});
afterAll(async () => t.close());

const kpis = async (query: string, as: string) => t.inject({ method: 'GET', url: `/api/kpis?from=2026-11-01&to=2026-11-30${query}` }, as);

/** Shanghai local date of an instant. */
const local = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const inNovember = (iso: string | null) => iso !== null && local(iso) >= '2026-11-01' && local(iso) <= '2026-11-30';

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const v = sorted[lo]! + (sorted[Math.ceil(pos)]! - sorted[lo]!) * (pos - lo);
  return Math.round(v * 10) / 10;
}

/** The figures as this test reads them off the complaints (the API's own view of each one). */
function expected(complaints: Array<{ story: Story; c: ComplaintDetailAnswer }>) {
  const now = new Date(NOW);
  const received = complaints.filter((x) => inNovember(x.c.receivedAt));
  const clockRate = (kind: 'l3_answer' | 'regulatory') => {
    let onTime = 0;
    let counted = 0;
    for (const { c } of received) {
      const k = c.clocks.filter((x) => x.kind === kind && x.status !== 'cancelled').pop();
      if (!k) continue;
      const due = new Date(k.dueAt!);
      const met = k.metAt ? new Date(k.metAt) : null;
      if (met && met <= due && !k.breachedAt) {
        onTime += 1;
        counted += 1;
      } else if (met || k.breachedAt || due < now) counted += 1;
    }
    return counted === 0 ? null : Math.round((onTime / counted) * 10_000) / 10_000;
  };
  const surveyed = received.filter((x) => x.story.satisfied !== undefined);
  const closed = complaints.filter((x) => inNovember(x.c.closedAt));
  const days = closed
    .map((x) => (new Date(x.c.closedAt!).getTime() - new Date(x.c.receivedAt).getTime()) / 86_400_000)
    .sort((a, b) => a - b);
  return {
    volume: received.length,
    policy_on_time_rate: clockRate('l3_answer'),
    regulatory_on_time_rate: clockRate('regulatory'),
    satisfaction_rate: Math.round((surveyed.filter((x) => x.story.satisfied).length / surveyed.length) * 10_000) / 10_000,
    reopen_rate: Math.round((received.filter((x) => x.c.round > 1).length / received.length) * 10_000) / 10_000,
    handling_days_p50: percentile(days, 0.5),
    handling_days_p90: percentile(days, 0.9),
    inspection_score: null,
    rectification_on_time_rate: null,
    // no training in this scenario (#15 item 1)
    training_completion: null,
  };
}

const figures = (k: Kpis['subject']) => Object.fromEntries(k.lines.map((l) => [l.code, l.value]));

describe('KPI figures (#14 item 5, R-E6)', () => {
  it("R-E6: a department's figures equal what the complaints it handled give", async () => {
    const complaints = await Promise.all(made.map(async (m) => ({ story: m.story, c: await detail(t, m.id) })));
    // the scenario does what it says: of six clocks due, two answered on time; two late, the reopened one's new
    // round and the unanswered one past their deadlines (the last one is not yet due)
    const want = expected(complaints);
    expect(want).toMatchObject({ volume: 7, reopen_rate: 0.1429, satisfaction_rate: 0.75, policy_on_time_rate: 0.3333 });

    const res = await kpis(`&department=${cs}`, 'leader');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Kpis>();
    expect(body.subject).toMatchObject({ kind: 'department', id: cs, name: { zh: '客户服务部' } });
    expect(figures(body.subject)).toEqual(want);
    // numerators and denominators behind the rates
    const line = (code: string) => body.subject.lines.find((l) => l.code === code)!;
    expect(line('satisfaction_rate')).toMatchObject({ numerator: 3, denominator: 4 });
    expect(line('reopen_rate')).toMatchObject({ numerator: 1, denominator: 7 });
    expect(line('handling_days_p50')).toMatchObject({ denominator: 4 });
    // the policy's targets and weights, and a score
    expect(line('satisfaction_rate')).toMatchObject({ target: 0.9, weight: 20, met: false });
    expect(line('volume')).toMatchObject({ weight: 0, achieved: null });
    expect(body.subject.score).toBeGreaterThan(0);
    expect(body.subject.score).toBeLessThan(100);
  });

  it('R-E6: per person: the complaints they handle; the department compares its people', async () => {
    const complaints = await Promise.all(made.map(async (m) => ({ story: m.story, c: await detail(t, m.id) })));
    const res = await kpis(`&department=${cs}`, 'leader');
    const rows = res.json<Kpis>().rows;
    for (const who of ['agent', 'supervisor']) {
      const row = rows.find((r) => r.id === who);
      expect(row, who).toBeDefined();
      expect(figures(row!)).toEqual(expected(complaints.filter((x) => x.story.handler === who)));
    }
    const one = await kpis('&person=supervisor', 'leader');
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json<Kpis>().subject).toMatchObject({ kind: 'person', id: 'supervisor' });
    expect(figures(one.json<Kpis>().subject)).toEqual(figures(rows.find((r) => r.id === 'supervisor')!));
  });

  it('R-E6: a period is any range of local dates', async () => {
    const res = await t.inject({ method: 'GET', url: `/api/kpis?from=2026-11-01&to=2026-11-04&department=${cs}` }, 'leader');
    const body = res.json<Kpis>();
    expect(figures(body.subject)).toMatchObject({ volume: 3, handling_days_p50: expect.any(Number) });
    const bad = await t.inject({ method: 'GET', url: `/api/kpis?from=2026-11-30&to=2026-11-01` }, 'leader');
    expect(bad.statusCode).toBe(400);
  });
});

describe('who sees whose KPIs (#14 item 5, R-E6)', () => {
  it('a person sees their own, and no department or colleague', async () => {
    const own = await t.inject({ method: 'GET', url: '/api/kpis?from=2026-11-01&to=2026-11-30' }, 'agent');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<Kpis>().subject).toMatchObject({ kind: 'person', id: 'agent' });
    expect((await kpis(`&department=${cs}`, 'agent')).statusCode).toBe(404);
    const colleague = await kpis('&person=supervisor', 'agent');
    expect(colleague.statusCode).toBe(404);
    expect(colleague.json()).toMatchObject({ code: 'kpi_subject_not_found' });
    const choices = (await t.inject({ method: 'GET', url: '/api/kpis/choices' }, 'agent')).json<z.output<typeof kpiChoicesAnswer>>();
    expect(choices).toMatchObject({ scope: 'own', departments: [] });
    expect(choices.people.map((p) => p.username)).toEqual(['agent']);
  });

  it("a department supervisor sees their departments' KPIs and their people's, no other", async () => {
    const mine = await kpis('', 'supervisor');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<Kpis>().subject).toMatchObject({ kind: 'department', id: cs });
    expect(mine.json<Kpis>().rows.map((r) => r.id)).toEqual(expect.arrayContaining(['agent', 'supervisor']));
    expect((await kpis('&person=agent', 'supervisor')).statusCode).toBe(200);
    expect((await kpis(`&department=${claims}`, 'supervisor')).statusCode).toBe(404);
    expect((await kpis('&person=handler', 'supervisor')).statusCode).toBe(404);
  });

  it('leaders, the inspector and the auditor see every department and person', async () => {
    for (const who of ['leader', 'senior', 'inspector', 'auditor']) {
      expect((await kpis(`&department=${claims}`, who)).statusCode, who).toBe(200);
      expect((await kpis('&person=handler', who)).statusCode, who).toBe(200);
    }
    const company = (await kpis('', 'leader')).json<Kpis>();
    expect(company.subject).toMatchObject({ kind: 'company', id: null });
    expect(company.rows.map((r) => r.id)).toEqual(expect.arrayContaining([cs, claims]));
    expect(figures(company.subject).volume).toBe(7);
  });

  it('every KPI read is in the audit log', async () => {
    const rows = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'kpi.read').execute();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.find((r) => r.actor === 'supervisor')).toMatchObject({ outcome: 'success', target_type: 'kpi' });
  });
});
