import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentPolicy, policyVersion, policyVersions, publishPolicy } from '../../services/administration/policy.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access, actorOf, metaOf } from '../auth/route-access.js';
import { policyVersionList, policyVersionResponse, publishedPolicy } from '../schemas/administration.responses.js';
import { requiredText } from '../schemas/common.js';
import { answers } from '../schemas/response.js';

/** R-A2, R-C1..C5: the versioned policy document. */
export function policyRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['policy'];
    app.get(
      '/api/policy',
      {
        config: { access: access.to('policy.read') },
        schema: { tags, summary: 'The policy in force', response: answers({ 200: policyVersionResponse }, 404) },
      },
      async () => currentPolicy(ctx.db),
    );

    app.put(
      '/api/policy',
      {
        config: { access: access.to('policy.write') },
        schema: {
          tags,
          summary: 'Publish a new policy version (old versions stay readable)',
          body: z.strictObject({
            policy: z.record(z.string(), z.unknown()),
            reason: requiredText(2000).describe('why the policy changes: recorded with the version'),
          }),
          response: answers({ 201: publishedPolicy }, 413, 415),
        },
      },
      async (req, reply) => {
        const v = await publishPolicy(ctx, actorOf(req), req.body.policy, req.body.reason ?? null, metaOf(req));
        return reply.status(201).send(v);
      },
    );

    app.get(
      '/api/policy/versions',
      {
        config: { access: access.to('policy.read') },
        schema: { tags, summary: 'Every policy version, newest first', response: answers({ 200: policyVersionList }) },
      },
      async () => ({
        items: await policyVersions(ctx.db),
      }),
    );

    app.get(
      '/api/policy/versions/:version',
      {
        config: { access: access.to('policy.read') },
        schema: {
          tags,
          summary: 'One policy version',
          params: z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000) }),
          response: answers({ 200: policyVersionResponse }, 404),
        },
      },
      async (req) => policyVersion(ctx.db, req.params.version),
    );
  };
}
