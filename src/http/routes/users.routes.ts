import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { changeUser, createUser, directory, resetPassword, unlockUser, user, users } from '../../services/people/user.service.js';
import { access, actorOf, metaOf } from '../auth/route-access.js';
import { requiredText } from '../schemas/common.js';
import { createdUser, directoryList, oneTimePassword, userList, userResponse } from '../schemas/people.responses.js';
import { answers } from '../schemas/response.js';

const userId = z.strictObject({ id: z.uuid() });
const roles = z.array(z.string().min(1).max(40)).max(20);
const orgUnitIds = z.array(z.uuid()).max(50);
/** an e-mail address, or null to have none (on PATCH: to remove it) */
const email = z.email({ message: 'invalid_format' }).max(254).nullish();

/** Users, their roles and org units; one-time passwords; unlocking. */
export function userRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['users'];
    app.get(
      '/api/users',
      {
        config: { access: access.to('user.read') },
        schema: {
          tags,
          summary: 'Users',
          querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() }),
          response: answers({ 200: userList }),
        },
      },
      async (req) => ({ items: await users(ctx, req.query.includeInactive === 'true') }),
    );

    app.get(
      '/api/directory',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'Active colleagues to pick as assignee, tracker, owner or attendee: username, name, roles, org units',
          response: answers({ 200: directoryList }),
        },
      },
      async () => ({ items: await directory(ctx) }),
    );

    app.get(
      '/api/users/:id',
      {
        config: { access: access.to('user.read') },
        schema: { tags, summary: 'One user', params: userId, response: answers({ 200: userResponse }, 404) },
      },
      async (req) => user(ctx, req.params.id),
    );

    app.post(
      '/api/users',
      {
        config: { access: access.to('user.write') },
        schema: {
          tags,
          summary: 'Create a user; the one-time password is returned once and must be changed at first sign-in',
          body: z.strictObject({
            username: z
              .string()
              .trim()
              .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'invalid_format' }),
            displayName: requiredText(100),
            email,
            roles: roles.min(1),
            orgUnitIds: orgUnitIds.default([]),
          }),
          response: answers({ 201: createdUser }, 409, 413, 415),
        },
      },
      async (req, reply) => reply.status(201).send(await createUser(ctx, metaOf(req), actorOf(req), req.body)),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: access.to('user.write') },
        schema: {
          tags,
          summary: 'Change names, roles, org units or activation (deactivating ends sessions and tokens)',
          params: userId,
          body: z.strictObject({
            displayName: requiredText(100).optional(),
            email,
            roles: roles.optional(),
            orgUnitIds: orgUnitIds.optional(),
            active: z.boolean().optional(),
          }),
          response: answers({ 200: userResponse }, 404, 409, 413, 415),
        },
      },
      async (req) => changeUser(ctx, metaOf(req), actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/api/users/:id/reset-password',
      {
        config: { access: access.to('user.write') },
        schema: { tags, summary: 'New one-time password', params: userId, response: answers({ 200: oneTimePassword }, 404) },
      },
      async (req) => resetPassword(ctx, metaOf(req), actorOf(req), req.params.id),
    );

    app.post(
      '/api/users/:id/unlock',
      {
        config: { access: access.to('user.write') },
        schema: { tags, summary: 'Lift a sign-in lockout', params: userId, response: answers({ 200: userResponse }, 404) },
      },
      async (req) => unlockUser(ctx, metaOf(req), actorOf(req), req.params.id),
    );
  };
}
