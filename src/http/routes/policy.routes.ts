import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentPolicy, policyVersion, policyVersions, publishPolicy } from '../../services/administration/policy.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access, actorOf, metaOf } from '../auth/route-access.js';
import { requiredText } from '../schemas/common.js';

const present = (v: Awaited<ReturnType<typeof currentPolicy>>) => ({
  version: v.version,
  createdAt: v.createdAt,
  createdBy: v.createdBy,
  reason: v.reason,
  policy: v.policy,
});

/** R-A2, R-C1..C5: the versioned policy document. */
export function policyRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['policy'];
    app.get('/api/policy', { config: { access: access.to('policy.read') }, schema: { tags, summary: 'The policy in force' } }, async () =>
      present(await currentPolicy(ctx.db)),
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
        },
      },
      async (req, reply) => {
        const v = await publishPolicy(ctx, actorOf(req), req.body.policy, req.body.reason ?? null, metaOf(req));
        return reply.status(201).send({ ...present(v), replanned: v.replanned });
      },
    );

    app.get(
      '/api/policy/versions',
      { config: { access: access.to('policy.read') }, schema: { tags, summary: 'Every policy version, newest first' } },
      async () => ({
        items: await policyVersions(ctx.db),
      }),
    );

    app.get(
      '/api/policy/versions/:version',
      {
        config: { access: access.to('policy.read') },
        schema: { tags, summary: 'One policy version', params: z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000) }) },
      },
      async (req) => present(await policyVersion(ctx.db, req.params.version)),
    );
  };
}
