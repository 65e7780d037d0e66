/**
 * The permission matrix (issue #3): every route x every role x an in-scope and an out-of-scope
 * complaint, through HTTP on real PostgreSQL. The table is written out by hand, independently of
 * the permission map, and must name every route the app has: adding a route without adding it
 * here fails the first test.
 */
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/access/permissions.js';
import { findOrgUnit } from '../../db/repositories/org.repository.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';
import type { ApiErrorBody } from '../../../test/db-assertions.js';

const USER: Record<Role, string> = {
  agent: 'agent',
  branch_agent: 'branch',
  supervisor: 'supervisor',
  department_handler: 'handler',
  leadership_member: 'leader',
  senior_manager: 'senior',
  supervision_inspector: 'inspector',
  trainer: 'trainer',
  administrator: 'admin',
  auditor: 'auditor',
};

const EVERYONE = ROLES;
const COMPLAINT_READERS: readonly Role[] = [
  'agent',
  'branch_agent',
  'supervisor',
  'department_handler',
  'leadership_member',
  'senior_manager',
  'supervision_inspector',
  'auditor',
];
const ALL_SCOPE: readonly Role[] = ['leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'];
const FRONT: readonly Role[] = ['agent', 'branch_agent', 'supervisor'];
const HANDLERS_ASSIGN: readonly Role[] = [...FRONT, 'leadership_member'];
const INVESTIGATORS: readonly Role[] = [...FRONT, 'department_handler'];
const REPORT_READERS: readonly Role[] = ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'];
const REPORT_MANAGERS: readonly Role[] = ['leadership_member', 'senior_manager', 'supervision_inspector'];
const INSPECTORS: readonly Role[] = ['supervision_inspector'];
const INSPECTION_READERS: readonly Role[] = ['leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'];
const INSPECTED: readonly Role[] = ['agent', 'branch_agent', 'supervisor', 'department_handler'];
const REVIEWERS: readonly Role[] = ['supervisor', 'leadership_member', 'senior_manager'];
const LEADERS: readonly Role[] = ['leadership_member', 'senior_manager'];
const TRAINING_MANAGERS: readonly Role[] = ['trainer', 'administrator'];
const RETENTION_READERS: readonly Role[] = ['leadership_member', 'senior_manager', 'supervision_inspector', 'administrator', 'auditor'];
const HOLDERS: readonly Role[] = ['leadership_member', 'supervision_inspector', 'administrator'];
const CASE_PROPOSERS: readonly Role[] = ['agent', 'branch_agent', 'supervisor', 'department_handler', 'supervision_inspector'];
const CASE_REVIEWERS: readonly Role[] = ['supervisor', 'leadership_member', 'supervision_inspector'];

interface Entry {
  /** who passes the permission check; 'public' needs no sign-in at all */
  allow: readonly Role[] | 'public';
  /** a complaint route: allowed roles get 404 for a complaint outside their data scope */
  scoped?: boolean;
  request: (complaintId: string) => InjectOptions;
}

const get = (url: string): InjectOptions => ({ method: 'GET', url });
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload: Record<string, unknown> = {}): InjectOptions => ({
  method,
  url,
  payload,
});
const TARGET_USER = '00000000-0000-4000-8000-000000000001';
/** A multipart form whose one file is not what its type says: 400 once past the permission and the scope (#12). */
const badUpload = (url: string, fields: Record<string, string> = {}): InjectOptions => {
  const b = 'matrix-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(
    `--${b}\r\nContent-Disposition: form-data; name="files"; filename="x.pdf"\r\nContent-Type: application/pdf\r\n\r\nnot a pdf\r\n`,
  );
  return {
    method: 'POST',
    url,
    payload: `${parts.join('')}--${b}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  };
};

const MATRIX: Record<string, Entry> = {
  'GET /': { allow: 'public', request: () => get('/') },
  // the web application's pages (index.html) and files, or 404 when it is not built
  'GET /*': { allow: 'public', request: () => get('/complaints') },
  'GET /healthz': { allow: 'public', request: () => get('/healthz') },
  'GET /readyz': { allow: 'public', request: () => get('/readyz') },
  // Prometheus (#16 item 8): its own bearer token, METRICS_TOKEN; 404 here (not configured)
  'GET /metrics': { allow: 'public', request: () => get('/metrics') },
  'GET /api/openapi.json': { allow: 'public', request: () => get('/api/openapi.json') },
  'POST /api/auth/login': { allow: 'public', request: () => send('POST', '/api/auth/login', {}) },
  // the public portal: a complaint by number plus contact (an unknown number answers 404)
  'POST /api/public/track': {
    allow: 'public',
    request: () => send('POST', '/api/public/track', { number: 'TS209901010001', contact: '13700000001' }),
  },
  // the portal's and the app's API (#12): public; a staff API token is no portal session (401), so these
  // requests stop at validation (a bad number, an empty survey, a JSON body where a form belongs) or a 429
  'GET /api/public/intake-options': { allow: 'public', request: () => get('/api/public/intake-options') },
  'POST /api/public/codes': {
    allow: 'public',
    request: () => send('POST', '/api/public/codes', { purpose: 'track', number: 'TS209901010001', contact: '13700000001' }),
  },
  'POST /api/public/sessions': {
    allow: 'public',
    request: () =>
      send('POST', '/api/public/sessions', { purpose: 'track', number: 'TS209901010001', contact: '13700000001', code: '000000' }),
  },
  'POST /api/public/complaints': { allow: 'public', request: () => send('POST', '/api/public/complaints', {}) },
  'GET /api/public/complaints/:number': { allow: 'public', request: () => get('/api/public/complaints/not-a-number') },
  'POST /api/public/complaints/:number/messages': {
    allow: 'public',
    request: () => send('POST', '/api/public/complaints/not-a-number/messages', {}),
  },
  'POST /api/public/complaints/:number/survey': {
    allow: 'public',
    request: () => send('POST', '/api/public/complaints/TS209901010001/survey', {}),
  },
  'GET /api/auth/me': { allow: EVERYONE, request: () => get('/api/auth/me') },
  'POST /api/auth/logout': { allow: EVERYONE, request: () => send('POST', '/api/auth/logout') },
  'POST /api/auth/logout-all': { allow: EVERYONE, request: () => send('POST', '/api/auth/logout-all') },
  'POST /api/auth/password': { allow: EVERYONE, request: () => send('POST', '/api/auth/password', {}) },
  'GET /api/auth/tokens': { allow: EVERYONE, request: () => get('/api/auth/tokens') },
  'POST /api/auth/tokens': { allow: EVERYONE, request: () => send('POST', '/api/auth/tokens', {}) },
  'DELETE /api/auth/tokens/:id': { allow: EVERYONE, request: () => send('DELETE', `/api/auth/tokens/${TARGET_USER}`) },
  'GET /api/roles': { allow: EVERYONE, request: () => get('/api/roles') },
  'GET /api/policy': { allow: EVERYONE, request: () => get('/api/policy') },
  'PUT /api/policy': { allow: ['administrator'], request: () => send('PUT', '/api/policy', {}) },
  'GET /api/policy/versions': { allow: EVERYONE, request: () => get('/api/policy/versions') },
  'GET /api/policy/versions/:version': { allow: EVERYONE, request: () => get('/api/policy/versions/1') },
  'GET /api/calendar': { allow: EVERYONE, request: () => get('/api/calendar') },
  'GET /api/calendar/:year': { allow: EVERYONE, request: () => get('/api/calendar/2026') },
  'PUT /api/calendar/days/:date': { allow: ['administrator'], request: () => send('PUT', '/api/calendar/days/2026-12-31', {}) },
  'PUT /api/calendar/:year/confirmation': { allow: ['administrator'], request: () => send('PUT', '/api/calendar/2026/confirmation', {}) },
  'POST /api/calendar/:year/import': { allow: ['administrator'], request: () => send('POST', '/api/calendar/2026/import', {}) },
  'GET /api/org-units': { allow: EVERYONE, request: () => get('/api/org-units') },
  'POST /api/org-units': { allow: ['administrator'], request: () => send('POST', '/api/org-units', {}) },
  'PATCH /api/org-units/:id': { allow: ['administrator'], request: () => send('PATCH', '/api/org-units/CS', { colour: 'red' }) },
  'GET /api/users': {
    allow: ['leadership_member', 'senior_manager', 'supervision_inspector', 'trainer', 'administrator', 'auditor'],
    request: () => get('/api/users'),
  },
  'GET /api/directory': { allow: COMPLAINT_READERS, request: () => get('/api/directory') },
  'GET /api/users/:id': {
    allow: ['leadership_member', 'senior_manager', 'supervision_inspector', 'trainer', 'administrator', 'auditor'],
    request: () => get(`/api/users/${TARGET_USER}`),
  },
  'POST /api/users': { allow: ['administrator'], request: () => send('POST', '/api/users', {}) },
  'PATCH /api/users/:id': { allow: ['administrator'], request: () => send('PATCH', `/api/users/${TARGET_USER}`, { colour: 'red' }) },
  'POST /api/users/:id/reset-password': {
    allow: ['administrator'],
    request: () => send('POST', `/api/users/${TARGET_USER}/reset-password`),
  },
  'POST /api/users/:id/unlock': { allow: ['administrator'], request: () => send('POST', `/api/users/${TARGET_USER}/unlock`) },
  'GET /api/audit': { allow: ['auditor'], request: () => get('/api/audit') },
  'GET /api/complaints': { allow: COMPLAINT_READERS, request: () => get('/api/complaints') },
  'POST /api/complaints': { allow: ['agent', 'branch_agent', 'supervisor'], request: () => send('POST', '/api/complaints', {}) },
  'POST /api/complaints/preview': {
    allow: ['agent', 'branch_agent', 'supervisor'],
    request: () => send('POST', '/api/complaints/preview', {}),
  },
  'GET /api/complaints/export': {
    allow: ['agent', 'branch_agent', 'supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector'],
    request: () => get('/api/complaints/export?level=1&receivedFrom=2099-01-01T00:00:00Z'),
  },
  'GET /api/workbench': { allow: EVERYONE, request: () => get('/api/workbench') },
  'GET /api/saved-views': { allow: COMPLAINT_READERS, request: () => get('/api/saved-views') },
  'POST /api/saved-views': { allow: COMPLAINT_READERS, request: () => send('POST', '/api/saved-views', {}) },
  'DELETE /api/saved-views/:id': { allow: COMPLAINT_READERS, request: () => send('DELETE', `/api/saved-views/${TARGET_USER}`) },
  'GET /api/complaints/:id': { allow: COMPLAINT_READERS, scoped: true, request: (id) => get(`/api/complaints/${id}`) },
  'GET /api/complaints/:id/events': { allow: COMPLAINT_READERS, scoped: true, request: (id) => get(`/api/complaints/${id}/events`) },
  'POST /api/complaints/:id/grade': {
    allow: ['agent', 'branch_agent', 'supervisor', 'leadership_member'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/grade`, { level: 3 }),
  },
  // workflow (issue #4): valid bodies, so out of scope is 404; in scope the step may be 409 once the complaint moved on
  'POST /api/complaints/:id/assign': {
    allow: HANDLERS_ASSIGN,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/assign`, { tracker: 'tester' }),
  },
  'POST /api/complaints/:id/escalate': {
    allow: HANDLERS_ASSIGN,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/escalate`, { to: 'supervisor' }),
  },
  'POST /api/complaints/:id/start-investigation': {
    allow: INVESTIGATORS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/start-investigation`, {}),
  },
  'POST /api/complaints/:id/record-findings': {
    allow: INVESTIGATORS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/record-findings`, { findings: '矩阵', conclusion: 'upheld' }),
  },
  'POST /api/complaints/:id/send-feedback': {
    allow: FRONT,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/send-feedback`, { method: 'phone', content: '矩阵' }),
  },
  'POST /api/complaints/:id/record-survey': {
    allow: FRONT,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/record-survey`, { satisfied: true, score: 5, method: 'phone' }),
  },
  'POST /api/complaints/:id/record-contact': {
    allow: FRONT,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/record-contact`, { method: 'phone', summary: '矩阵' }),
  },
  'POST /api/complaints/:id/reopen': {
    allow: [...FRONT, 'leadership_member'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/reopen`, { reason: '矩阵' }),
  },
  'POST /api/complaints/:id/close': {
    allow: [...FRONT, 'leadership_member'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/close`, { outcome: 'upheld', summary: '矩阵', reason: '矩阵' }),
  },
  'POST /api/complaints/:id/withdraw': {
    allow: [...FRONT, 'leadership_member'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/withdraw`, { reason: '矩阵' }),
  },
  'POST /api/complaints/:id/report-progress': {
    allow: [...FRONT, 'department_handler'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/report-progress`, { content: '矩阵' }),
  },
  'POST /api/complaints/:id/propose-compensation': {
    allow: INVESTIGATORS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/propose-compensation`, { amount: '8000', basis: '矩阵' }),
  },
  'POST /api/complaints/:id/decide-compensation': {
    allow: ['supervisor', 'leadership_member', 'senior_manager'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/decide-compensation`, { compensationId: TARGET_USER, approved: true }),
  },
  'POST /api/complaints/:id/record-payment': {
    allow: INVESTIGATORS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/record-payment`, { compensationId: TARGET_USER, status: 'paid' }),
  },
  'POST /api/complaints/:id/create-improvement-action': {
    allow: INVESTIGATORS,
    scoped: true,
    request: (id) =>
      send('POST', `/api/complaints/${id}/create-improvement-action`, { title: '矩阵', owner: 'handler', causeCodes: ['other'] }),
  },
  'GET /api/improvement-actions': { allow: COMPLAINT_READERS, request: () => get('/api/improvement-actions') },
  'GET /api/improvement-actions/:id': { allow: COMPLAINT_READERS, request: () => get(`/api/improvement-actions/${TARGET_USER}`) },
  'POST /api/improvement-actions/:id/done': {
    allow: COMPLAINT_READERS,
    request: () => send('POST', `/api/improvement-actions/${TARGET_USER}/done`, { note: '矩阵' }),
  },
  'POST /api/improvement-actions/:id/verify': {
    allow: ['supervisor', 'department_handler', 'leadership_member'],
    request: () => send('POST', `/api/improvement-actions/${TARGET_USER}/verify`, { note: '矩阵', effective: true }),
  },
  'PATCH /api/improvement-actions/:id': {
    allow: ['supervisor', 'department_handler', 'leadership_member'],
    request: () => send('PATCH', `/api/improvement-actions/${TARGET_USER}`, { description: '矩阵' }),
  },
  'POST /api/complaints/:id/record-meeting': {
    allow: ['leadership_member'],
    scoped: true,
    request: (id) =>
      send('POST', `/api/complaints/${id}/record-meeting`, {
        heldAt: '2026-11-25T01:00:00Z',
        attendees: ['leader'],
        decisions: '矩阵',
        owners: ['handler'],
        milestones: [{ title: '矩阵', owner: 'handler', dueAt: '2026-11-30T01:00:00Z' }],
      }),
  },
  'POST /api/complaints/:id/complete-milestone': {
    allow: [...FRONT, 'department_handler'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/complete-milestone`, { milestoneId: TARGET_USER }),
  },
  'POST /api/complaints/:id/report-to-senior': {
    allow: ['leadership_member'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/report-to-senior`, { content: '矩阵' }),
  },
  'POST /api/complaints/:id/add-evidence': {
    allow: INVESTIGATORS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/add-evidence`, { method: 'interview', note: '矩阵' }),
  },
  // the correspondence thread and attachments at intake (#12 items 4 and 5); the reply by e-mail is a 400 (no address on file)
  'GET /api/complaints/:id/correspondence': {
    allow: COMPLAINT_READERS,
    scoped: true,
    request: (id) => get(`/api/complaints/${id}/correspondence`),
  },
  'POST /api/complaints/:id/correspondence/reply': {
    allow: FRONT,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/correspondence/reply`, { channel: 'email', text: '矩阵' }),
  },
  'POST /api/complaints/:id/correspondence/letter': {
    allow: FRONT,
    scoped: true,
    request: (id) => badUpload(`/api/complaints/${id}/correspondence/letter`, { text: '矩阵' }),
  },
  'POST /api/complaints/:id/attachments': {
    allow: FRONT,
    scoped: true,
    request: (id) => badUpload(`/api/complaints/${id}/attachments`),
  },
  'GET /api/complaints/:id/records': { allow: COMPLAINT_READERS, scoped: true, request: (id) => get(`/api/complaints/${id}/records`) },
  'GET /api/evidence/settings': { allow: EVERYONE, request: () => get('/api/evidence/settings') },
  'GET /api/complaints/:id/evidence/:fileId': {
    allow: COMPLAINT_READERS,
    request: (id) => get(`/api/complaints/${id}/evidence/${TARGET_USER}`),
  },
  'GET /api/complaints/:id/documents/:kind': {
    allow: COMPLAINT_READERS,
    scoped: true,
    request: (id) => get(`/api/complaints/${id}/documents/acceptance-receipt`),
  },
  'POST /api/complaints/:id/request-extension': {
    allow: INVESTIGATORS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/request-extension`, { days: 2, reason: '矩阵' }),
  },
  'POST /api/complaints/:id/decide-extension': {
    allow: ['supervisor', 'leadership_member', 'senior_manager'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/decide-extension`, { requestId: TARGET_USER, approved: true }),
  },
  'POST /api/complaints/:id/record-analysis': {
    allow: INVESTIGATORS,
    scoped: true,
    request: (id) =>
      send('POST', `/api/complaints/${id}/record-analysis`, {
        causes: ['other'],
        impact: { business: 'low', reputation: 'low', financial: 'low' },
        strategy: '矩阵',
      }),
  },
  'POST /api/complaints/:id/record-settlement': {
    allow: INVESTIGATORS,
    scoped: true,
    request: (id) =>
      send('POST', `/api/complaints/${id}/record-settlement`, { terms: '矩阵', agreedAt: '2026-11-25T01:00:00Z', customerAgreed: true }),
  },
  'POST /api/complaints/:id/extend-regulatory': {
    allow: ['supervisor', 'leadership_member', 'senior_manager'],
    scoped: true,
    request: (id) =>
      send('POST', `/api/complaints/${id}/extend-regulatory`, {
        days: 30,
        reason: '矩阵',
        noticeSentAt: '2026-11-25T01:00:00Z',
        noticeMethod: 'sms',
      }),
  },
  'POST /api/complaints/:id/pause-clocks': {
    allow: ['supervisor', 'leadership_member', 'senior_manager'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/pause-clocks`, { reason: 'mediation' }),
  },
  'POST /api/complaints/:id/resume-clocks': {
    allow: ['supervisor', 'leadership_member', 'senior_manager'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/resume-clocks`, {}),
  },
  'POST /api/complaints/:id/transfer': {
    allow: [...FRONT, 'leadership_member'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/transfer`, { to: '12378 监管转办', reason: '矩阵' }),
  },
  'POST /api/complaints/:id/merge': {
    allow: [...FRONT, 'leadership_member'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/merge`, { intoComplaintId: TARGET_USER, reason: '矩阵' }),
  },
  'GET /api/notifications': { allow: EVERYONE, request: () => get('/api/notifications') },
  // messages leaving the system (#11)
  'GET /api/admin/message-templates': { allow: ['administrator'], request: () => get('/api/admin/message-templates') },
  'GET /api/admin/message-templates/:code': {
    allow: ['administrator'],
    request: () => get('/api/admin/message-templates/complainant.acknowledgment'),
  },
  'POST /api/admin/message-templates/:code/versions': {
    allow: ['administrator'],
    request: () => send('POST', '/api/admin/message-templates/complainant.acknowledgment/versions', {}),
  },
  'POST /api/admin/message-templates/:code/preview': {
    allow: ['administrator'],
    request: () => send('POST', '/api/admin/message-templates/complainant.acknowledgment/preview', {}),
  },
  'GET /api/admin/webhooks': { allow: ['supervision_inspector', 'administrator', 'auditor'], request: () => get('/api/admin/webhooks') },
  'POST /api/admin/webhooks': { allow: ['administrator'], request: () => send('POST', '/api/admin/webhooks', {}) },
  'PATCH /api/admin/webhooks/:id': { allow: ['administrator'], request: () => send('PATCH', `/api/admin/webhooks/${TARGET_USER}`, {}) },
  'DELETE /api/admin/webhooks/:id': { allow: ['administrator'], request: () => send('DELETE', `/api/admin/webhooks/${TARGET_USER}`) },
  'POST /api/admin/webhooks/:id/rotate-secret': {
    allow: ['administrator'],
    request: () => send('POST', `/api/admin/webhooks/${TARGET_USER}/rotate-secret`),
  },
  'POST /api/admin/webhooks/:id/test': { allow: ['administrator'], request: () => send('POST', `/api/admin/webhooks/${TARGET_USER}/test`) },
  'GET /api/messages': { allow: ['supervision_inspector', 'administrator', 'auditor'], request: () => get('/api/messages') },
  'GET /api/complaints/:id/messages': { allow: COMPLAINT_READERS, scoped: true, request: (id) => get(`/api/complaints/${id}/messages`) },
  'POST /api/messages/:id/resend': { allow: ['administrator'], request: () => send('POST', `/api/messages/${TARGET_USER}/resend`) },
  'GET /api/messages/development-mailbox': { allow: ['administrator'], request: () => get('/api/messages/development-mailbox') },
  'GET /api/jobs/failed': { allow: ['administrator'], request: () => get('/api/jobs/failed') },
  'POST /api/jobs/:queue/:id/retry': {
    allow: ['administrator'],
    request: () => send('POST', `/api/jobs/message.send/${TARGET_USER}/retry`),
  },
  // a provider's delivery receipt: its own shared token instead of a sign-in (an empty body is a 400)
  'POST /api/messages/receipts': { allow: 'public', request: () => send('POST', '/api/messages/receipts', {}) },
  // e-mail intake (#12 item 2): administrators manage mailboxes; readers of the message log see the inbound list
  'GET /api/admin/mailboxes': { allow: ['administrator'], request: () => get('/api/admin/mailboxes') },
  'POST /api/admin/mailboxes': { allow: ['administrator'], request: () => send('POST', '/api/admin/mailboxes', {}) },
  'PUT /api/admin/mailboxes/:id': { allow: ['administrator'], request: () => send('PUT', `/api/admin/mailboxes/${TARGET_USER}`, {}) },
  'POST /api/admin/mailboxes/:id/poll': {
    allow: ['administrator'],
    request: () => send('POST', `/api/admin/mailboxes/${TARGET_USER}/poll`),
  },
  'POST /api/admin/mailboxes/:id/test': {
    allow: ['administrator'],
    request: () => send('POST', `/api/admin/mailboxes/${TARGET_USER}/test`),
  },
  'GET /api/admin/inbound-mail': {
    allow: ['supervision_inspector', 'administrator', 'auditor'],
    request: () => get('/api/admin/inbound-mail'),
  },
  'GET /api/admin/inbound-mail/:id/raw': { allow: ['administrator'], request: () => get(`/api/admin/inbound-mail/${TARGET_USER}/raw`) },
  'POST /api/admin/inbound-mail/:id/reprocess': {
    allow: ['administrator'],
    request: () => send('POST', `/api/admin/inbound-mail/${TARGET_USER}/reprocess`),
  },
  // the hotline (#12 item 3): the telephony system's signed webhook (404 here: no secret configured), calls for front-line staff
  'POST /api/hotline/events': { allow: 'public', request: () => send('POST', '/api/hotline/events', {}) },
  'GET /api/hotline/calls': { allow: FRONT, request: () => get('/api/hotline/calls') },
  'GET /api/hotline/calls/:id': { allow: FRONT, request: () => get(`/api/hotline/calls/${TARGET_USER}`) },
  'POST /api/hotline/calls/:id/dismiss': { allow: FRONT, request: () => send('POST', `/api/hotline/calls/${TARGET_USER}/dismiss`, {}) },
  'POST /api/hotline/calls/:id/register': { allow: FRONT, request: () => send('POST', `/api/hotline/calls/${TARGET_USER}/register`, {}) },
  'GET /api/complaints/:id/call': { allow: COMPLAINT_READERS, scoped: true, request: (id) => get(`/api/complaints/${id}/call`) },
  'GET /api/me/notice-settings': { allow: EVERYONE, request: () => get('/api/me/notice-settings') },
  'PUT /api/me/notice-settings': { allow: EVERYONE, request: () => send('PUT', '/api/me/notice-settings', {}) },
  'GET /api/notifications/unread-count': { allow: EVERYONE, request: () => get('/api/notifications/unread-count') },
  'POST /api/notifications/read': { allow: EVERYONE, request: () => send('POST', '/api/notifications/read', { all: true }) },
  'GET /api/exceptions': { allow: COMPLAINT_READERS, request: () => get('/api/exceptions') },
  'GET /api/board': {
    allow: ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector'],
    request: () => get('/api/board'),
  },
  'GET /api/statistics': {
    allow: ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'],
    request: () => get('/api/statistics?from=2026-11-01&to=2026-11-30&groupBy=level'),
  },
  // analysis (#13 item 2): the statistics readers
  'GET /api/statistics/causes': {
    allow: ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'],
    request: () => get('/api/statistics/causes?from=2026-11-01&to=2026-11-30'),
  },
  'GET /api/statistics/trend': {
    allow: ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'],
    request: () => get('/api/statistics/trend?from=2026-06&to=2026-11'),
  },
  'GET /api/statistics/impact': {
    allow: ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'],
    request: () => get('/api/statistics/impact?from=2026-11-01&to=2026-11-30'),
  },
  'GET /api/statistics/spikes': {
    allow: ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'],
    request: () => get('/api/statistics/spikes'),
  },
  'GET /api/statistics/regulator': {
    allow: ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'],
    request: () => get('/api/statistics/regulator?year=2026&quarter=4'),
  },
  'GET /api/statistics/regulator.xlsx': {
    allow: ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'],
    request: () => get('/api/statistics/regulator.xlsx?year=2026&quarter=4'),
  },
  'GET /api/statistics/regulator.csv': {
    allow: ['supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'],
    request: () => get('/api/statistics/regulator.csv?year=2026&quarter=4'),
  },
  // reports (#13 items 4, 5): read by the statistics readers, asked for and commented by the leadership and supervision
  'GET /api/reports': { allow: REPORT_READERS, request: () => get('/api/reports') },
  'POST /api/reports/monthly': { allow: REPORT_MANAGERS, request: () => send('POST', '/api/reports/monthly', { month: '2999-01' }) },
  'POST /api/reports/special': { allow: REPORT_MANAGERS, request: () => send('POST', '/api/reports/special', { subject: 'set' }) },
  'GET /api/reports/:id': { allow: REPORT_READERS, request: () => get(`/api/reports/${TARGET_USER}`) },
  'GET /api/reports/:id/progress': { allow: REPORT_READERS, request: () => get(`/api/reports/${TARGET_USER}/progress`) },
  'POST /api/reports/:id/rebuild': { allow: REPORT_MANAGERS, request: () => send('POST', `/api/reports/${TARGET_USER}/rebuild`) },
  'POST /api/reports/:id/commentary': {
    allow: REPORT_MANAGERS,
    request: () => send('POST', `/api/reports/${TARGET_USER}/commentary`, { commentary: '矩阵' }),
  },
  'POST /api/reports/:id/finalise': { allow: REPORT_MANAGERS, request: () => send('POST', `/api/reports/${TARGET_USER}/finalise`) },
  'GET /api/reports/:id/files/:format': { allow: REPORT_READERS, request: () => get(`/api/reports/${TARGET_USER}/files/pdf`) },
  // historical import (#13 item 7): administrators; the ledger as CSV like the workbook
  'POST /api/imports': { allow: ['administrator'], request: () => send('POST', '/api/imports', {}) },
  'GET /api/imports': { allow: ['administrator'], request: () => get('/api/imports') },
  'GET /api/imports/:id': { allow: ['administrator'], request: () => get(`/api/imports/${TARGET_USER}`) },
  'POST /api/imports/:id/run': { allow: ['administrator'], request: () => send('POST', `/api/imports/${TARGET_USER}/run`) },
  'GET /api/imports/:id/errors.csv': { allow: ['administrator'], request: () => get(`/api/imports/${TARGET_USER}/errors.csv`) },
  // KPIs and assessments (#14 item 5, R-E6): every staff role reads KPIs (own, department or all); leaders and the inspector open
  // assessments, leaders and senior management sign them off
  // training (#15 item 1): those who run it, and everyone's own record
  'GET /api/training/plans': { allow: TRAINING_MANAGERS, request: () => get('/api/training/plans') },
  'POST /api/training/plans': { allow: TRAINING_MANAGERS, request: () => send('POST', '/api/training/plans', {}) },
  'GET /api/training/plans/:id': { allow: TRAINING_MANAGERS, request: () => get(`/api/training/plans/${TARGET_USER}`) },
  'PATCH /api/training/plans/:id': { allow: TRAINING_MANAGERS, request: () => send('PATCH', `/api/training/plans/${TARGET_USER}`, {}) },
  'POST /api/training/plans/:id/attendees': {
    allow: TRAINING_MANAGERS,
    request: () => send('POST', `/api/training/plans/${TARGET_USER}/attendees`, {}),
  },
  'POST /api/training/plans/:id/sessions': {
    allow: TRAINING_MANAGERS,
    request: () => send('POST', `/api/training/plans/${TARGET_USER}/sessions`, {}),
  },
  'GET /api/training/sessions/:id': { allow: TRAINING_MANAGERS, request: () => get(`/api/training/sessions/${TARGET_USER}`) },
  'PATCH /api/training/sessions/:id': {
    allow: TRAINING_MANAGERS,
    request: () => send('PATCH', `/api/training/sessions/${TARGET_USER}`, {}),
  },
  'PUT /api/training/sessions/:id/attendance': {
    allow: TRAINING_MANAGERS,
    request: () => send('PUT', `/api/training/sessions/${TARGET_USER}/attendance`, {}),
  },
  'PUT /api/training/sessions/:id/cases': {
    allow: TRAINING_MANAGERS,
    request: () => send('PUT', `/api/training/sessions/${TARGET_USER}/cases`, {}),
  },
  'POST /api/training/sessions/:id/materials': {
    allow: TRAINING_MANAGERS,
    request: () => badUpload(`/api/training/sessions/${TARGET_USER}/materials`),
  },
  'GET /api/training/sessions/:id/materials/:materialId': {
    allow: EVERYONE,
    request: () => get(`/api/training/sessions/${TARGET_USER}/materials/${TARGET_USER}`),
  },
  'GET /api/training/my': { allow: EVERYONE, request: () => get('/api/training/my') },
  'GET /api/training/records/:username': { allow: TRAINING_MANAGERS, request: () => get('/api/training/records/agent') },
  'GET /api/training/from': { allow: EVERYONE, request: () => get(`/api/training/from?kind=finding&id=${TARGET_USER}`) },
  'GET /api/kpis': { allow: COMPLAINT_READERS, request: () => get('/api/kpis?from=2026-11-01&to=2026-11-30') },
  'GET /api/kpis/choices': { allow: COMPLAINT_READERS, request: () => get('/api/kpis/choices') },
  'GET /api/assessments': { allow: COMPLAINT_READERS, request: () => get('/api/assessments') },
  'POST /api/assessments': {
    allow: ['leadership_member', 'supervision_inspector'],
    request: () => send('POST', '/api/assessments', { periodKind: 'month', period: '2999-01' }),
  },
  'GET /api/assessments/:id': { allow: COMPLAINT_READERS, request: () => get(`/api/assessments/${TARGET_USER}`) },
  'POST /api/assessments/:id/sign': {
    allow: ['leadership_member', 'senior_manager'],
    request: () => send('POST', `/api/assessments/${TARGET_USER}/sign`, {}),
  },
  'GET /api/assessments/:id/subjects/:seq/lines/:code/complaints': {
    allow: COMPLAINT_READERS,
    request: () => get(`/api/assessments/${TARGET_USER}/subjects/1/lines/volume/complaints`),
  },
  'GET /api/assessments/:id/export.xlsx': { allow: COMPLAINT_READERS, request: () => get(`/api/assessments/${TARGET_USER}/export.xlsx`) },
  // inspections (#14 item 1, R-E4): the inspector works them, leaders and auditors read them, the inspected answer theirs
  'GET /api/inspections/checklists': { allow: INSPECTION_READERS, request: () => get('/api/inspections/checklists') },
  'POST /api/inspections/checklists': { allow: INSPECTORS, request: () => send('POST', '/api/inspections/checklists', {}) },
  'PATCH /api/inspections/checklists/:id': {
    allow: INSPECTORS,
    request: () => send('PATCH', `/api/inspections/checklists/${TARGET_USER}`, {}),
  },
  'GET /api/inspections/plans': { allow: INSPECTION_READERS, request: () => get('/api/inspections/plans') },
  'POST /api/inspections/plans': { allow: INSPECTORS, request: () => send('POST', '/api/inspections/plans', {}) },
  'GET /api/inspections/plans/:id': { allow: INSPECTION_READERS, request: () => get(`/api/inspections/plans/${TARGET_USER}`) },
  'POST /api/inspections/plans/:id/draw': {
    allow: INSPECTORS,
    request: () => send('POST', `/api/inspections/plans/${TARGET_USER}/draw`, {}),
  },
  'GET /api/inspections/plans/:id/report/:format': {
    allow: INSPECTION_READERS,
    request: () => get(`/api/inspections/plans/${TARGET_USER}/report/pdf`),
  },
  'GET /api/inspections/runs/:id/verify': { allow: INSPECTION_READERS, request: () => get(`/api/inspections/runs/${TARGET_USER}/verify`) },
  'POST /api/inspections/plans/:id/items': {
    allow: INSPECTORS,
    request: () => send('POST', `/api/inspections/plans/${TARGET_USER}/items`, {}),
  },
  'POST /api/inspections/items/:id/remove': {
    allow: INSPECTORS,
    request: () => send('POST', `/api/inspections/items/${TARGET_USER}/remove`, {}),
  },
  'PUT /api/inspections/items/:id/score': {
    allow: INSPECTORS,
    request: () => send('PUT', `/api/inspections/items/${TARGET_USER}/score`, {}),
  },
  'POST /api/inspections/plans/:id/complete': {
    allow: INSPECTORS,
    request: () => send('POST', `/api/inspections/plans/${TARGET_USER}/complete`, {}),
  },
  'POST /api/inspections/findings': { allow: INSPECTORS, request: () => send('POST', '/api/inspections/findings', {}) },
  'POST /api/inspections/findings/:id/answer': {
    allow: INSPECTED,
    request: () => send('POST', `/api/inspections/findings/${TARGET_USER}/answer`, {}),
  },
  'GET /api/inspections/rectifications': { allow: INSPECTION_READERS, request: () => get('/api/inspections/rectifications') },
  'POST /api/inspections/rectifications': { allow: INSPECTORS, request: () => send('POST', '/api/inspections/rectifications', {}) },
  'GET /api/inspections/rectifications/:id': {
    allow: INSPECTION_READERS,
    request: () => get(`/api/inspections/rectifications/${TARGET_USER}`),
  },
  'POST /api/inspections/rectifications/:id/answer': {
    allow: INSPECTED,
    request: () => send('POST', `/api/inspections/rectifications/${TARGET_USER}/answer`, {}),
  },
  'POST /api/inspections/rectifications/:id/verify': {
    allow: INSPECTORS,
    request: () => send('POST', `/api/inspections/rectifications/${TARGET_USER}/verify`, {}),
  },
  'GET /api/inspections/mine': { allow: INSPECTED, request: () => get('/api/inspections/mine') },
  // complaints about complaint handling (#14 item 2, R-E5) and the formal review from round three (#14 item 3)
  'POST /api/complaints/:id/about-handling': {
    allow: [...HANDLERS_ASSIGN, 'supervision_inspector'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/about-handling`, { aboutComplaint: 'TS000000000000' }),
  },
  'POST /api/complaints/:id/conclude-review': {
    allow: REVIEWERS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/conclude-review`, { outcome: 'upheld', conclusion: '矩阵' }),
  },
  // major complaints (#14 item 4): everyone who reads the complaint sees its plan; leaders mark it and run the plan
  'GET /api/complaints/:id/major': { allow: COMPLAINT_READERS, scoped: true, request: (id) => get(`/api/complaints/${id}/major`) },
  'POST /api/complaints/:id/major/mark': {
    allow: LEADERS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/major/mark`, {}),
  },
  'POST /api/complaints/:id/major/unmark': {
    allow: LEADERS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/major/unmark`, {}),
  },
  'PUT /api/complaints/:id/major/plan': {
    allow: LEADERS,
    scoped: true,
    request: (id) => send('PUT', `/api/complaints/${id}/major/plan`, {}),
  },
  'POST /api/complaints/:id/major/items': {
    allow: LEADERS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/major/items`, {}),
  },
  // the item's owner or a leader marks it done: the service decides, past the complaint read permission
  'POST /api/complaints/:id/major/items/:itemId/done': {
    allow: COMPLAINT_READERS,
    request: (id) => send('POST', `/api/complaints/${id}/major/items/${TARGET_USER}/done`, {}),
  },
  'POST /api/complaints/:id/major/regulator-reports': {
    allow: LEADERS,
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/major/regulator-reports`, {}),
  },
  'GET /api/complaints/export.csv': {
    allow: ['agent', 'branch_agent', 'supervisor', 'leadership_member', 'senior_manager', 'supervision_inspector'],
    request: () => get('/api/complaints/export.csv?level=1&receivedFrom=2099-01-01T00:00:00Z'),
  },
  'POST /api/exceptions/:id/resolve': {
    allow: ['supervisor', 'leadership_member', 'senior_manager'],
    request: () => send('POST', `/api/exceptions/${TARGET_USER}/resolve`, { resolution: '矩阵' }),
  },
  'POST /api/complaints/:id/unmask': {
    allow: ['agent', 'branch_agent', 'supervisor', 'department_handler', 'leadership_member', 'senior_manager', 'supervision_inspector'],
    scoped: true,
    request: (id) => send('POST', `/api/complaints/${id}/unmask`, { reason: '权限矩阵测试' }),
  },
  // publicity on the portal (#15 item 3): administrators edit; the portal reads without sign-in
  'GET /api/publicity/channels': { allow: ['administrator'], request: () => get('/api/publicity/channels') },
  'PUT /api/publicity/channels': { allow: ['administrator'], request: () => send('PUT', '/api/publicity/channels', {}) },
  'GET /api/publicity/channels/history': { allow: ['administrator'], request: () => get('/api/publicity/channels/history') },
  'GET /api/publicity/articles': { allow: ['administrator'], request: () => get('/api/publicity/articles') },
  'POST /api/publicity/articles': { allow: ['administrator'], request: () => send('POST', '/api/publicity/articles', {}) },
  'GET /api/publicity/articles/:id': { allow: ['administrator'], request: () => get(`/api/publicity/articles/${TARGET_USER}`) },
  'PUT /api/publicity/articles/:id': { allow: ['administrator'], request: () => send('PUT', `/api/publicity/articles/${TARGET_USER}`, {}) },
  'DELETE /api/publicity/articles/:id': {
    allow: ['administrator'],
    request: () => send('DELETE', `/api/publicity/articles/${TARGET_USER}`),
  },
  'POST /api/publicity/articles/:id/publish': {
    allow: ['administrator'],
    request: () => send('POST', `/api/publicity/articles/${TARGET_USER}/publish`),
  },
  'POST /api/publicity/articles/:id/unpublish': {
    allow: ['administrator'],
    request: () => send('POST', `/api/publicity/articles/${TARGET_USER}/unpublish`),
  },
  'POST /api/publicity/images': { allow: ['administrator'], request: () => send('POST', '/api/publicity/images', {}) },
  'GET /api/publicity/images/:id': { allow: ['administrator'], request: () => get(`/api/publicity/images/${TARGET_USER}`) },
  'GET /api/public/portal-info': { allow: 'public', request: () => get('/api/public/portal-info') },
  'GET /api/public/articles': { allow: 'public', request: () => get('/api/public/articles') },
  'GET /api/public/articles/:id': { allow: 'public', request: () => get(`/api/public/articles/${TARGET_USER}`) },
  'GET /api/public/articles/images/:id': { allow: 'public', request: () => get(`/api/public/articles/images/${TARGET_USER}`) },
  // the case library (#15 item 2): every staff role reads, the front line and inspectors propose, reviewers review
  'GET /api/cases': { allow: EVERYONE, request: () => get('/api/cases') },
  'GET /api/cases/lesson-tags': { allow: EVERYONE, request: () => get('/api/cases/lesson-tags') },
  'GET /api/cases/:id': { allow: EVERYONE, request: () => get(`/api/cases/${TARGET_USER}`) },
  'POST /api/cases': { allow: CASE_PROPOSERS, request: () => send('POST', '/api/cases', {}) },
  'PATCH /api/cases/:id': { allow: CASE_PROPOSERS, request: () => send('PATCH', `/api/cases/${TARGET_USER}`, {}) },
  'POST /api/cases/:id/submit': { allow: CASE_PROPOSERS, request: () => send('POST', `/api/cases/${TARGET_USER}/submit`) },
  'POST /api/cases/:id/recall': { allow: CASE_PROPOSERS, request: () => send('POST', `/api/cases/${TARGET_USER}/recall`) },
  'POST /api/cases/:id/approve': { allow: CASE_REVIEWERS, request: () => send('POST', `/api/cases/${TARGET_USER}/approve`, {}) },
  'POST /api/cases/:id/reject': { allow: CASE_REVIEWERS, request: () => send('POST', `/api/cases/${TARGET_USER}/reject`, {}) },
  'POST /api/cases/:id/withdraw': { allow: CASE_REVIEWERS, request: () => send('POST', `/api/cases/${TARGET_USER}/withdraw`, {}) },
  // retention (#15 item 4, R-H6): leaders, senior management, the inspector, the administrator and auditors read it; leaders, the
  // inspector and the administrator place and release legal holds (the administrator company-wide, by retention.manage); the
  // administrator runs the sweep and answers data subjects' requests
  'GET /api/complaints/:id/legal-hold': { allow: RETENTION_READERS, request: (id) => get(`/api/complaints/${id}/legal-hold`) },
  'POST /api/complaints/:id/legal-hold': { allow: HOLDERS, request: (id) => send('POST', `/api/complaints/${id}/legal-hold`, {}) },
  'POST /api/complaints/:id/legal-hold/release': {
    allow: HOLDERS,
    request: (id) => send('POST', `/api/complaints/${id}/legal-hold/release`, {}),
  },
  'GET /api/retention': { allow: RETENTION_READERS, request: () => get('/api/retention') },
  'GET /api/retention/preview': { allow: ['administrator'], request: () => get('/api/retention/preview') },
  'POST /api/retention/sweep': { allow: ['administrator'], request: () => send('POST', '/api/retention/sweep') },
  'POST /api/personal-data/search': { allow: ['administrator'], request: () => send('POST', '/api/personal-data/search', {}) },
  'POST /api/personal-data/export': { allow: ['administrator'], request: () => send('POST', '/api/personal-data/export', {}) },
};

let t: TestApp;
let inScopeOfAll: string; // SH-PD branch, departments CS and CLAIMS: every reader's scope
let outOfScope: string; // BJ-CY branch, department UW, registered by tester: only the all-scope roles

beforeAll(async () => {
  t = await createTestApp();
  const register = async (overrides: Record<string, unknown>) => {
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(overrides) });
    expect(res.statusCode).toBe(201);
    return res.json<ComplaintDetailAnswer>().id;
  };
  inScopeOfAll = await register({ branchId: 'SH-PD', complainant: { name: '矩阵甲', phone: '13700000001' } });
  outOfScope = await register({ branchId: 'BJ-CY', complainant: { name: '矩阵乙', phone: '13700000002' } });
  // department placement as the assignment action (next issue) will set it
  const [cs, claims, uw] = await Promise.all(['CS', 'CLAIMS', 'UW'].map((c) => findOrgUnit(t.db, c)));
  await sql`UPDATE complaints SET department_ids = ${sql.val([cs!.id, claims!.id])}::uuid[] WHERE id = ${inScopeOfAll}`.execute(t.db);
  await sql`UPDATE complaints SET department_ids = ${sql.val([uw!.id])}::uuid[] WHERE id = ${outOfScope}`.execute(t.db);
});
afterAll(async () => t.close());

describe('permission matrix (issue #3)', () => {
  it('names every route the app serves, and only those', () => {
    const served = t.app.accessRules
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !k.includes(' /api/docs'))
      .sort();
    expect(served).toEqual(Object.keys(MATRIX).sort());
  });

  it('the declared rule of each route agrees with the table on public routes', () => {
    for (const r of t.app.accessRules) {
      const entry = MATRIX[`${r.method} ${r.url}`];
      if (!entry) continue;
      expect('public' in r.access, `${r.method} ${r.url}`).toBe(entry.allow === 'public');
    }
  });

  const cases: Array<[string, Role]> = Object.keys(MATRIX).flatMap((route) => ROLES.map((role): [string, Role] => [route, role]));
  it.each(cases)('%s as %s', async (route, role) => {
    const entry = MATRIX[route]!;
    const allowed = entry.allow === 'public' || entry.allow.includes(role);
    const res = await t.inject(entry.request(inScopeOfAll), USER[role]);
    if (!allowed) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json<ApiErrorBody>().code).toBe('forbidden');
      return;
    }
    expect([401, 403], `${route} as ${role}: ${res.body}`).not.toContain(res.statusCode);
    if (!entry.scoped) return;
    // past the permission and the scope: 200, or the body's 400 / the table's 409 for workflow steps
    expect([200, 400, 409], `${route} in scope as ${role}: ${res.body}`).toContain(res.statusCode);
    const outside = await t.inject(entry.request(outOfScope), USER[role]);
    if (ALL_SCOPE.includes(role)) expect([200, 400, 409], outside.body).toContain(outside.statusCode);
    else {
      expect(outside.statusCode, `${route} out of scope as ${role}`).toBe(404);
      expect(outside.json<ApiErrorBody>().code).toBe('complaint_not_found');
    }
  });

  it('without sign-in, every non-public route answers 401', async () => {
    for (const [route, entry] of Object.entries(MATRIX)) {
      if (entry.allow === 'public') continue;
      const res = await t.app.inject(entry.request(inScopeOfAll));
      expect(res.statusCode, route).toBe(401);
    }
  });

  it('denials are written to the audit log', async () => {
    await t.inject(get('/api/audit'), 'agent');
    const rows = await t.db.selectFrom('audit_log').selectAll().where('actor', '=', 'agent').where('outcome', '=', 'denied').execute();
    expect(rows.some((r) => r.action === 'audit.read')).toBe(true);
  });

  it("reaching for a complaint outside one's scope is audited as a denial (the answer stays 404)", async () => {
    const res = await t.inject(get(`/api/complaints/${outOfScope}`), 'branch');
    expect(res.statusCode).toBe(404);
    const rows = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor', '=', 'branch')
      .where('action', '=', 'complaint.read')
      .where('target_id', '=', outOfScope)
      .execute();
    expect(rows.at(-1)).toMatchObject({ outcome: 'denied', details: { reason: 'not_found_or_out_of_scope' } });
  });
});
