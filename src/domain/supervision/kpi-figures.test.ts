import { describe, expect, it } from 'vitest';
import { kpiMeasures, percentileCont, sourcesOf, timelinessOf, type KpiFactRow } from './kpi-figures.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const P = { from: '2026-11-01', to: '2026-11-30' };
const d = (s: string) => new Date(s);
const none = { dueAt: null, metAt: null, breached: null };

function row(id: string, over: Partial<KpiFactRow> = {}): KpiFactRow {
  return {
    id,
    assignee: 'agent',
    departmentIds: ['cs'],
    receivedOn: '2026-11-02',
    closedOn: null,
    handlingDays: null,
    policy: none,
    regulatory: none,
    reopenCount: 0,
    surveyed: false,
    satisfied: null,
    ...over,
  };
}

describe('KPI figures (#14 item 5, R-E6)', () => {
  it('timeliness as the statistics count it: on time, late (met after due or breached), overdue, not yet due', () => {
    const due = d('2026-11-10T00:00:00Z');
    expect(timelinessOf({ dueAt: due, metAt: d('2026-11-09T00:00:00Z'), breached: false }, NOW)).toBe('on_time');
    expect(timelinessOf({ dueAt: due, metAt: d('2026-11-09T00:00:00Z'), breached: true }, NOW)).toBe('late');
    expect(timelinessOf({ dueAt: due, metAt: d('2026-11-11T00:00:00Z'), breached: false }, NOW)).toBe('late');
    expect(timelinessOf({ dueAt: due, metAt: null, breached: false }, NOW)).toBe('overdue');
    expect(timelinessOf({ dueAt: d('2026-12-05T00:00:00Z'), metAt: null, breached: false }, NOW)).toBeNull();
    expect(timelinessOf(none, NOW)).toBeNull();
  });

  it('percentiles interpolate between ranks (percentile_cont)', () => {
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7);
    expect(percentileCont([], 0.5)).toBeNull();
  });

  it('rates keep the complaints behind them and their numerator; received and closed bases differ', () => {
    const due = d('2026-11-10T00:00:00Z');
    const m = kpiMeasures(
      {
        facts: [
          row('a', { policy: { dueAt: due, metAt: d('2026-11-05T00:00:00Z'), breached: false }, surveyed: true, satisfied: true }),
          row('b', { policy: { dueAt: due, metAt: null, breached: true }, reopenCount: 1, surveyed: true, satisfied: false }),
          row('c', { receivedOn: '2026-10-20', closedOn: '2026-11-03', handlingDays: 14 }),
          row('d', { closedOn: '2026-11-04', handlingDays: 2 }),
        ],
        inspections: [
          { complaintId: 'a', departmentIds: ['cs'], handler: 'agent', score: 80, scoredOn: '2026-11-20' },
          { complaintId: 'b', departmentIds: ['cs'], handler: 'agent', score: 95, scoredOn: '2026-11-21' },
          { complaintId: 'c', departmentIds: ['cs'], handler: 'agent', score: 10, scoredOn: '2026-10-21' },
        ],
        rectifications: [
          {
            complaintId: 'a',
            departmentId: 'cs',
            addressee: null,
            firstDueAt: due,
            firstDueOn: '2026-11-10',
            answeredAt: d('2026-11-09T00:00:00Z'),
          },
          { complaintId: 'b', departmentId: 'cs', addressee: null, firstDueAt: due, firstDueOn: '2026-11-10', answeredAt: null },
          {
            complaintId: null,
            departmentId: 'cs',
            addressee: null,
            firstDueAt: d('2026-12-20T00:00:00Z'),
            firstDueOn: '2026-12-20',
            answeredAt: null,
          },
        ],
      },
      P,
      NOW,
    );
    expect(m.volume).toMatchObject({ value: 3, baseIds: ['a', 'b', 'd'] });
    expect(m.policy_on_time_rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, baseIds: ['a', 'b'], hitIds: ['a'] });
    expect(m.regulatory_on_time_rate).toMatchObject({ value: null, denominator: 0 });
    expect(m.satisfaction_rate).toMatchObject({ value: 0.5, hitIds: ['a'] });
    expect(m.reopen_rate).toMatchObject({ value: 0.3333, numerator: 1, denominator: 3, hitIds: ['b'] });
    expect(m.handling_days_p50).toMatchObject({ value: 8, denominator: 2, baseIds: ['c', 'd'] });
    expect(m.inspection_score).toMatchObject({ value: 87.5, denominator: 2, baseIds: ['a', 'b'] });
    expect(m.rectification_on_time_rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, hitIds: ['a'] });
  });

  it('without the inspection tables the two inspection figures stay empty', () => {
    const m = kpiMeasures({ facts: [row('a')], inspections: null, rectifications: null }, P, NOW);
    expect(m.inspection_score.value).toBeNull();
    expect(m.rectification_on_time_rate.value).toBeNull();
  });

  it("a department's complaints are those of any of its departments; a person's those they handle", () => {
    const src = {
      facts: [
        row('a'),
        row('b', { departmentIds: ['claims'], assignee: 'handler' }),
        row('c', { departmentIds: ['cs', 'claims'], assignee: 'handler' }),
      ],
      inspections: null,
      rectifications: [
        { complaintId: 'b', departmentId: 'claims', addressee: null, firstDueAt: NOW, firstDueOn: '2026-11-30', answeredAt: null },
        { complaintId: 'c', departmentId: null, addressee: 'handler', firstDueAt: NOW, firstDueOn: '2026-11-30', answeredAt: null },
      ],
    };
    expect(sourcesOf(src, { kind: 'department', id: 'claims' }).facts.map((r) => r.id)).toEqual(['b', 'c']);
    expect(sourcesOf(src, { kind: 'person', username: 'handler' }).facts.map((r) => r.id)).toEqual(['b', 'c']);
    expect(sourcesOf(src, { kind: 'person', username: 'handler' }).rectifications?.map((r) => r.complaintId)).toEqual(['c']);
    expect(sourcesOf(src, { kind: 'department', id: 'cs' }).facts.map((r) => r.id)).toEqual(['a', 'c']);
  });
});
