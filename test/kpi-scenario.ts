/**
 * Complaints for the KPI and assessment tests (#14 item 5, R-E6), made through the real workflow:
 * registered by the customer-service agent (department CS), assigned to a handler, answered on time
 * or late, surveyed satisfied or dissatisfied, closed or reopened. Each step at its own instant.
 */
import { expect } from 'vitest';
import type { ComplaintDetailAnswer } from '../src/http/schemas/complaint.responses.js';
import { complaintBody, type TestApp } from './test-app.js';

export interface Story {
  /** received at (UTC ISO) */
  received: string;
  handler: string;
  /** feedback sent at; absent: left open after assignment */
  feedback?: string;
  satisfied?: boolean;
  /** closed at (satisfied) */
  close?: string;
  /** reopened at (after a dissatisfied survey, or after closing) */
  reopen?: string;
}

let phone = 13900000000;

export async function tell(t: TestApp, s: Story): Promise<string> {
  const at = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
  phone += 1;
  t.setNow(at(s.received, 5));
  const reg = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ receivedAt: s.received, complainant: { name: `考核${phone % 1000}`, phone: String(phone) } }),
    },
    'agent',
  );
  expect(reg.statusCode, reg.body).toBe(201);
  const id = reg.json<ComplaintDetailAnswer>().id;
  const act = async (action: string, payload: Record<string, unknown>, when: string, as = 'agent') => {
    t.setNow(when);
    const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  await act('assign', { assignee: s.handler }, at(s.received, 10), 'supervisor');
  if (!s.feedback) return id;
  await act('start-investigation', {}, at(s.received, 20));
  await act('record-findings', { findings: '核实定损过程', conclusion: 'upheld' }, at(s.received, 30));
  await act('send-feedback', { method: 'phone', content: '已按定损结果补足赔款' }, s.feedback);
  if (s.satisfied !== undefined)
    await act('record-survey', { satisfied: s.satisfied, score: s.satisfied ? 5 : 2, method: 'phone' }, at(s.feedback, 30));
  if (s.close) {
    t.setNow(at(s.close, -5));
    await t.inject({ method: 'POST', url: `/api/complaints/${id}/grade`, payload: { level: 3 } }, 'agent');
    await act('close', { outcome: 'upheld', summary: '补足赔款' }, s.close);
  }
  if (s.reopen) await act('reopen', { reason: '客户不满意处理结果' }, s.reopen, 'supervisor');
  return id;
}

export async function detail(t: TestApp, id: string): Promise<ComplaintDetailAnswer> {
  const res = await t.inject({ method: 'GET', url: `/api/complaints/${id}` }, 'leader');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ComplaintDetailAnswer>();
}
