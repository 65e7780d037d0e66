import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CALL_STATUSES, OPEN_CALL_STATUSES, type CallStatus } from '../../domain/hotline/hotline-call.js';
import { assertNoIssues } from '../../domain/validation.js';
import { complaintDetail } from '../../services/complaints/complaint-view.js';
import type { ServiceContext } from '../../services/context.js';
import { callOfComplaint, callWithDraft, dismissCall, incomingCalls } from '../../services/hotline/hotline-calls.service.js';
import { receiveHotlineEvent, verifyHotlineRequest, type SignedHotlineRequest } from '../../services/hotline/hotline-events.service.js';
import { registerCall } from '../../services/hotline/hotline-register.service.js';
import { access, actorOf, metaOf, principal } from '../auth/route-access.js';
import { idParams, splitList } from '../schemas/common.js';
import { createComplaintBody } from '../schemas/complaint.schemas.js';
import { BODY_ERRORS, complaintDetail as detailAnswer } from '../schemas/complaint.responses.js';
import {
  callsQuery,
  dismissBody,
  hotlineCall,
  hotlineCallDraft,
  hotlineCalls,
  hotlineEventAnswer,
  hotlineEventBody,
  hotlineHeaders,
} from '../schemas/hotline.schemas.js';
import { answers } from '../schemas/response.js';
import { intakeInput } from './complaints.routes.js';

/** A call event is a few hundred bytes; the app's 4 MiB limit is for letters. */
const EVENT_BODY_LIMIT = 64 * 1024;

/** The bytes each webhook request's signature covers, and what its check found. */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();
const signedRequests = new WeakMap<FastifyRequest, SignedHotlineRequest>();

const callParams = z.strictObject({ id: z.uuid() });

function statusesOf(q: string | undefined): CallStatus[] {
  const asked = splitList(q);
  if (!asked) return [...OPEN_CALL_STATUSES];
  const unknown = asked.filter((s) => !(CALL_STATUSES as readonly string[]).includes(s));
  assertNoIssues(
    unknown.length > 0 ? [{ field: 'querystring.status', code: 'invalid_value', params: { values: CALL_STATUSES.join(', ') } }] : [],
  );
  return asked as CallStatus[];
}

/**
 * The telephony system's webhook, in a plugin context of its own whose JSON parser keeps the raw
 * bytes the signature covers (the rest of the app parses JSON as usual).
 */
function hotlineWebhook(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (hook) => {
    const tags = ['hotline'];
    const parseJson = hook.getDefaultJsonParser('error', 'error');
    hook.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: EVENT_BODY_LIMIT }, (req, body, done) => {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      rawBodies.set(req, bytes);
      // the default parser answers through done (its type also allows a promise)
      void parseJson(req, bytes.toString('utf8'), done);
    });
    hook.post(
      '/api/hotline/events',
      {
        config: { access: access.public },
        bodyLimit: EVENT_BODY_LIMIT,
        // signed before anything else is looked at: an unsigned body is not even validated
        preValidation: async (req) => {
          const header = (name: string) => {
            const v = req.headers[name];
            return typeof v === 'string' ? v : undefined;
          };
          signedRequests.set(
            req,
            verifyHotlineRequest(ctx, {
              timestamp: header('x-hotline-timestamp'),
              signature: header('x-hotline-signature'),
              rawBody: rawBodies.get(req) ?? Buffer.alloc(0),
            }),
          );
        },
        schema: {
          tags,
          summary:
            'A call event of the telephony system (signed: X-Hotline-Timestamp, X-Hotline-Signature). call.started makes the call record and its draft complaint; call.ended adds the end and the recording. Idempotent per (callId, event); a replayed signature is 409',
          headers: hotlineHeaders,
          body: hotlineEventBody,
          response: answers({ 200: hotlineEventAnswer }, 404, 409, 413, 415),
        },
      },
      async (req) => {
        const signed = signedRequests.get(req);
        if (!signed) throw new Error('the hotline signature was not checked');
        const b = req.body;
        return receiveHotlineEvent(ctx, signed, {
          event: b.event,
          callId: b.callId,
          caller: b.caller,
          callee: b.callee ?? null,
          agent: b.agent ?? null,
          startedAt: new Date(b.startedAt),
          endedAt: b.endedAt ? new Date(b.endedAt) : null,
          recordingUrl: b.recordingUrl ?? null,
        });
      },
    );
  };
}

/**
 * #12 item 3: the telephony system's signed webhook, the workbench's incoming calls, and the draft
 * complaint of a call, registered or dismissed by the agent.
 */
export function hotlineRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['hotline'];

    await app.register(hotlineWebhook(ctx));

    app.get(
      '/api/hotline/calls',
      {
        config: { access: access.to('complaint.create') },
        schema: {
          tags,
          summary:
            "Incoming calls for the workbench (default: not yet registered or dismissed), yours first, the newest next, with the caller's earlier complaints",
          querystring: callsQuery,
          response: answers({ 200: hotlineCalls }),
        },
      },
      async (req) => incomingCalls(ctx, principal(req), statusesOf(req.query.status)),
    );

    app.get(
      '/api/hotline/calls/:id',
      {
        config: { access: access.to('complaint.create') },
        schema: {
          tags,
          summary:
            "A call with its draft complaint and the caller's earlier complaints (the number in clear for complaint.unmask, audited)",
          params: callParams,
          response: answers({ 200: hotlineCallDraft }, 404),
        },
      },
      async (req) => callWithDraft(ctx, metaOf(req), principal(req), req.params.id),
    );

    app.get(
      '/api/complaints/:id/call',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'The hotline call a complaint was registered from (times, recording link; the number masked); null when there is none',
          params: idParams,
          response: answers({ 200: z.object({ call: hotlineCall.nullable() }) }, 404),
        },
      },
      async (req) => callOfComplaint(ctx, principal(req), req.params.id),
    );

    app.post(
      '/api/hotline/calls/:id/dismiss',
      {
        config: { access: access.to('complaint.create') },
        schema: {
          tags,
          summary: 'Not a complaint (a question answered, a wrong number): the call leaves the incoming list with the reason',
          params: callParams,
          body: dismissBody,
          response: answers({ 200: hotlineCall }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => dismissCall(ctx, principal(req), req.params.id, req.body.reason),
    );

    app.post(
      '/api/hotline/calls/:id/register',
      {
        config: { access: access.to('complaint.create') },
        schema: {
          tags,
          summary:
            "Register the call's completed draft: the body of POST /api/complaints; channel hotline and the call id as call reference always, the caller's number and the call's start unless given",
          params: callParams,
          body: createComplaintBody,
          response: answers({ 201: detailAnswer }, ...BODY_ERRORS, 404, 409, 422),
        },
      },
      async (req, reply) => {
        const p = principal(req);
        const { complaintId, replayed } = await registerCall(ctx, actorOf(req), p, req.params.id, intakeInput(req.body));
        const detail = await complaintDetail(ctx, p, complaintId);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).header('location', `/api/complaints/${complaintId}`).send(detail);
      },
    );
  };
}
