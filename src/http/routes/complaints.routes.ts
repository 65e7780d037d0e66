import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LedgerQuery } from '../../domain/complaint/ledger-query.js';
import { contactKeys } from '../../domain/complaint/contact.js';
import { assertNoIssues, type FieldIssue } from '../../domain/validation.js';
import { registerComplaint } from '../../services/complaints/complaint-intake.service.js';
import { previewComplaint } from '../../services/complaints/complaint-preview.service.js';
import { XLSX_MAX_ROWS, exportLedger } from '../../services/complaints/ledger-export.service.js';
import { pickLocale } from '../i18n/locale.js';
import { gradeComplaint } from '../../services/complaints/complaint-grading.service.js';
import { complaintEvents, listComplaints } from '../../services/complaints/complaint-query.service.js';
import { readComplaintDetail } from '../../services/complaints/complaint-read-audit.service.js';
import { recordUnmask } from '../../services/complaints/complaint-unmask.service.js';
import { complaintDetail } from '../../services/complaints/complaint-view.js';
import type { ServiceContext } from '../../services/context.js';
import { access, actorOf, metaOf, principal } from '../auth/route-access.js';
import { canonicalAmount, idParams, requiredText, splitList } from '../schemas/common.js';
import { createComplaintBody, gradeBody, ledgerQuerystring } from '../schemas/complaint.schemas.js';
import {
  BODY_ERRORS,
  complaintDetail as detailAnswer,
  complaintEvents as eventsAnswer,
  complaintPreview,
  fileDownload,
  ledgerPage,
} from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const idempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().describe('retries with the same key return the first response'),
});

export function ledgerQuery(q: z.infer<typeof ledgerQuerystring>, who: { username: string; now: Date }): LedgerQuery {
  const issues: FieldIssue[] = [];
  const keys = q.contact === undefined ? undefined : contactKeys(q.contact.includes('@') ? { email: q.contact } : { phone: q.contact });
  if (keys?.length === 0) issues.push({ field: 'querystring.contact', code: 'invalid_value', params: { values: 'phone / e-mail' } });
  const levels = splitList(q.level)?.map(Number);
  if (levels?.some((l) => ![1, 2, 3].includes(l)))
    issues.push({ field: 'querystring.level', code: 'invalid_value', params: { values: '1, 2, 3' } });
  const receivedFrom = q.receivedFrom ? new Date(q.receivedFrom) : undefined;
  const receivedTo = q.receivedTo ? new Date(q.receivedTo) : undefined;
  if (receivedFrom && receivedTo && receivedFrom > receivedTo) issues.push({ field: 'querystring.receivedFrom', code: 'range_inverted' });
  const closedFrom = q.closedFrom ? new Date(q.closedFrom) : undefined;
  const closedTo = q.closedTo ? new Date(q.closedTo) : undefined;
  if (closedFrom && closedTo && closedFrom > closedTo) issues.push({ field: 'querystring.closedFrom', code: 'range_inverted' });
  assertNoIssues(issues);
  const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  return {
    status: splitList(q.status),
    level: levels,
    channel: splitList(q.channel),
    businessLine: splitList(q.businessLine),
    category: splitList(q.category),
    branch: splitList(q.branch),
    receivedFrom,
    receivedTo,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    q: q.q,
    involves: q.mine === 'true' ? who.username : undefined,
    unassigned: q.unassigned === undefined ? undefined : q.unassigned === 'true',
    dueBefore: q.dueWithinHours === undefined ? undefined : new Date(who.now.getTime() + q.dueWithinHours * 3_600_000),
    contactKeys: keys,
    idNumber: q.idNumber,
    account: q.account,
    closedFrom,
    closedTo,
    openAt: q.openAt ? new Date(q.openAt) : undefined,
    branchId: splitList(q.branchId),
    product: splitList(q.product),
    cause: splitList(q.cause),
    department: splitList(q.department),
    handler: splitList(q.handler),
    outcome: splitList(q.outcome),
    customerGroup: splitList(q.customerGroup),
    imported: flag(q.imported),
    timeliness: q.timeliness,
    reopened: flag(q.reopened),
    surveyed: flag(q.surveyed),
    satisfied: flag(q.satisfied),
    compensated: q.compensated,
    amountGiven: flag(q.amountGiven),
    riskFlag: splitList(q.riskFlag),
    major: flag(q.major),
    sort: q.sort,
    order: q.order,
    limit: q.limit,
    cursor: q.cursor,
  };
}

export function intakeInput(b: z.infer<typeof createComplaintBody>) {
  return {
    ...b,
    amount: canonicalAmount(b.amount),
    receivedAt: b.receivedAt ? new Date(b.receivedAt) : null,
    riskFlags: [...new Set(b.riskFlags)],
  };
}

/** R-B1..B7, R-C1, R-C2, R-H1: intake, the ledger, one complaint, its history, grading, unmasking. */
export function complaintRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['complaints'];

    app.post(
      '/api/complaints',
      {
        config: { access: access.to('complaint.create') },
        schema: {
          tags,
          summary: 'Register a complaint from any channel',
          body: createComplaintBody,
          headers: idempotencyHeaders,
          response: answers({ 201: detailAnswer }, ...BODY_ERRORS, 422),
        },
      },
      async (req, reply) => {
        const p = principal(req);
        const { complaintId, replayed } = await registerComplaint(
          ctx,
          actorOf(req),
          p,
          intakeInput(req.body),
          req.headers['idempotency-key'],
        );
        const detail = await complaintDetail(ctx, p, complaintId);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).header('location', `/api/complaints/${complaintId}`).send(detail);
      },
    );

    app.post(
      '/api/complaints/preview',
      {
        config: { access: access.to('complaint.create') },
        schema: {
          tags,
          summary: 'What registering would do, without saving: proposed level and rules, clocks, earlier complaints of the complainant',
          body: createComplaintBody,
          response: answers({ 200: complaintPreview }, ...BODY_ERRORS),
        },
      },
      async (req) => previewComplaint(ctx, principal(req), intakeInput(req.body)),
    );

    app.get(
      '/api/complaints',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'The complaint ledger (within your data scope)',
          querystring: ledgerQuerystring,
          response: answers({ 200: ledgerPage }),
        },
      },
      async (req) => {
        const p = principal(req);
        return listComplaints(ctx, p, ledgerQuery(req.query, { username: p.username, now: ctx.now() }), req.query.total === 'true');
      },
    );

    app.get(
      '/api/complaints/export',
      {
        config: { access: access.to('complaint.export') },
        schema: {
          tags,
          summary: `The ledger's current filter and sort as an .xlsx file, streamed (within your data scope; at most ${XLSX_MAX_ROWS} rows, a worksheet's limit: export.csv has none); recorded in the audit log`,
          querystring: ledgerQuerystring.omit({ limit: true, cursor: true, total: true }),
          response: answers({ 200: fileDownload(XLSX, 'the ledger as a workbook; X-Export-Rows says how many rows') }, 422),
        },
      },
      async (req, reply) => {
        const p = principal(req);
        const { limit: _limit, cursor: _cursor, ...q } = ledgerQuery({ ...req.query, limit: 1 }, { username: p.username, now: ctx.now() });
        const english = pickLocale(req.headers['accept-language']) === 'en-US';
        const file = await exportLedger(ctx, metaOf(req), p, q, english);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="complaints.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-export-rows', String(file.rows))
          .header('cache-control', 'no-store')
          .send(file.stream);
      },
    );

    app.get(
      '/api/complaints/:id',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'One complaint by id or number (personal data masked); the read is recorded in the audit log',
          params: idParams,
          response: answers({ 200: detailAnswer }, 404),
        },
      },
      async (req) => readComplaintDetail(ctx, metaOf(req), principal(req), req.params.id),
    );

    app.get(
      '/api/complaints/:id/events',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'The complaint history (hash-chained); the read is recorded in the audit log',
          params: idParams,
          response: answers({ 200: eventsAnswer }, 404),
        },
      },
      async (req) => ({ items: await complaintEvents(ctx, metaOf(req), principal(req), req.params.id) }),
    );

    app.post(
      '/api/complaints/:id/grade',
      {
        config: { access: access.to('complaint.grade') },
        schema: {
          tags,
          summary: 'Confirm or override the level (a change needs a reason and re-plans the clocks)',
          params: idParams,
          body: gradeBody,
          response: answers({ 200: detailAnswer }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => {
        const p = principal(req);
        const id = await gradeComplaint(ctx, p, req.params.id, req.body);
        return complaintDetail(ctx, p, id);
      },
    );

    app.post(
      '/api/complaints/:id/unmask',
      {
        config: { access: access.to('complaint.unmask') },
        schema: {
          tags,
          summary: "Show one complaint's personal data unmasked; the reason is recorded in its history and the audit log",
          params: idParams,
          body: z.strictObject({ reason: requiredText(500) }),
          response: answers({ 200: detailAnswer }, ...BODY_ERRORS, 404),
        },
      },
      async (req) => {
        const p = principal(req);
        const id = await recordUnmask(ctx, metaOf(req), p, req.params.id, req.body.reason);
        return complaintDetail(ctx, p, id, { unmasked: true });
      },
    );
  };
}
