import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertNoIssues, ValidationError } from '../../domain/validation.js';
import type { ServiceContext } from '../../services/context.js';
import { LEDGER_COLUMNS } from '../../domain/codes.js';
import { removeView, savedViews, saveView } from '../../services/complaints/saved-view.service.js';
import { workbench } from '../../services/workflow/workbench.service.js';
import { access, principal } from '../auth/route-access.js';
import { pickLocale } from '../i18n/locale.js';
import { requiredText } from '../schemas/common.js';
import { ledgerQuerystring } from '../schemas/complaint.schemas.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';
import { savedView, savedViews as savedViewsAnswer, workbench as workbenchAnswer } from '../schemas/workbench.responses.js';
import { ledgerQuery } from './complaints.routes.js';

const savedViewBody = z.strictObject({
  name: requiredText(60),
  query: z.string().max(2000).describe("the ledger's query string, e.g. level=1&overdue=true&sort=level"),
  columns: z
    .array(z.enum(LEDGER_COLUMNS))
    .max(LEDGER_COLUMNS.length)
    .default([])
    .describe('the columns shown, in order; empty: the default set'),
});

/** A saved query must be one the ledger accepts (paging left out), so opening a view never fails. */
function checkLedgerQuery(query: string): string {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  for (const k of ['cursor', 'limit', 'total']) params.delete(k);
  const refuse = (names: string) => assertNoIssues([{ field: 'query', code: 'invalid_value', params: { values: names } }]);
  const ok = ledgerQuerystring.safeParse(Object.fromEntries(params));
  if (!ok.success) refuse(ok.error.issues.map((i) => i.path.join('.')).join(', '));
  else {
    // the ledger's own checks too (levels, an inverted range, a contact that is neither phone nor e-mail)
    try {
      ledgerQuery(ok.data, { username: '', now: new Date(0) });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      refuse(e.issues.map((i) => i.field.replace(/^querystring\./, '')).join(', '));
    }
  }
  return params.toString();
}

/** R-E1, R-E3: the workbench (home page) and the ledger's saved views. */
export function workbenchRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['workbench'];

    app.get(
      '/api/workbench',
      {
        config: { access: access.signedIn },
        schema: {
          tags,
          summary: 'My workbench: my complaints, due soon, overdue, open exceptions, unread notifications, with counts',
          response: answers({ 200: workbenchAnswer }),
        },
      },
      async (req) => workbench(ctx, principal(req), { english: pickLocale(req.headers['accept-language']) === 'en-US' }),
    );

    app.get(
      '/api/saved-views',
      {
        config: { access: access.to('complaint.read') },
        schema: { tags, summary: 'My saved ledger views', response: answers({ 200: savedViewsAnswer }) },
      },
      async (req) => ({ items: await savedViews(ctx, principal(req)) }),
    );

    app.post(
      '/api/saved-views',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'Save a ledger view (the same name replaces it)',
          body: savedViewBody,
          response: answers({ 201: savedView }, ...BODY_ERRORS),
        },
      },
      async (req, reply) => {
        const b = req.body;
        return reply
          .status(201)
          .send(await saveView(ctx, principal(req), { name: b.name, query: checkLedgerQuery(b.query), columns: b.columns }));
      },
    );

    app.delete(
      '/api/saved-views/:id',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'Delete one of my saved views',
          params: z.strictObject({ id: z.uuid() }),
          response: answers({ 204: z.undefined().describe('deleted: no content') }, 404),
        },
      },
      async (req, reply) => {
        await removeView(ctx, principal(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
