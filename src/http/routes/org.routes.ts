import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { changeOrgUnit, createOrgUnit, orgUnits } from '../../services/people/org.service.js';
import { access, actorOf, metaOf } from '../auth/route-access.js';
import { requiredText } from '../schemas/common.js';
import { orgUnitKind, orgUnitList, orgUnitResponse } from '../schemas/people.responses.js';
import { answers } from '../schemas/response.js';

/** The organisation: branches, departments, leadership group, supervision, senior management. */
export function orgRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['organisation'];
    app.get(
      '/api/org-units',
      {
        config: { access: access.to('org.read') },
        schema: {
          tags,
          summary: 'Org units',
          querystring: z.strictObject({ kind: orgUnitKind.optional(), includeInactive: z.enum(['true', 'false']).optional() }),
          response: answers({ 200: orgUnitList }),
        },
      },
      async (req) => ({ items: await orgUnits(ctx, { kind: req.query.kind, includeInactive: req.query.includeInactive === 'true' }) }),
    );

    app.post(
      '/api/org-units',
      {
        config: { access: access.to('org.write') },
        schema: {
          tags,
          summary: 'Create an org unit',
          body: z.strictObject({
            kind: orgUnitKind,
            code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'invalid_format' }),
            nameZh: requiredText(100),
            nameEn: requiredText(100),
          }),
          response: answers({ 201: orgUnitResponse }, 409, 413, 415),
        },
      },
      async (req, reply) => reply.status(201).send(await createOrgUnit(ctx, metaOf(req), actorOf(req), req.body)),
    );

    app.patch(
      '/api/org-units/:id',
      {
        config: { access: access.to('org.write') },
        schema: {
          tags,
          summary: 'Rename or (de)activate an org unit (never deleted)',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: z.strictObject({
            nameZh: requiredText(100).optional(),
            nameEn: requiredText(100).optional(),
            active: z.boolean().optional(),
          }),
          response: answers({ 200: orgUnitResponse }, 404, 413, 415),
        },
      },
      async (req) => changeOrgUnit(ctx, metaOf(req), actorOf(req), req.params.id, req.body),
    );
  };
}
