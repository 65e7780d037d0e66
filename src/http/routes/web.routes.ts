import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { access } from '../auth/route-access.js';
import { homeRoutes } from './home.routes.js';

/** Where `npm run build:web` puts the web application. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * GET / and GET /*: the built web application at `root` (the start command passes dist/web), with a
 * fallback to its index.html for the app's own paths and to portal.html for /portal and /portal/*
 * (the public portal); unknown /api paths and missing files stay 404.
 * Without `root` (the tests' app) or before a build: the landing page at / and 404 elsewhere. Both
 * routes exist either way, so the route table (and the permission matrix) never depends on a build.
 * @fastify/static only lends sendFile (serve: false): its own routes could not carry our access rule.
 */
export function webRoutes(opts: { root?: string } = {}): FastifyPluginAsync {
  const root = opts.root === undefined ? null : path.resolve(opts.root);
  return async (app) => {
    const route = { config: { access: access.public }, schema: { hide: true } };
    if (root === null || !existsSync(path.join(root, 'index.html'))) {
      await app.register(homeRoutes);
      app.get('/*', route, async (_req, reply) => reply.callNotFound());
      return;
    }
    // the build writes .br and .gz beside each file: sent as they are to clients that accept them
    await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
    // index.html is revalidated on every load; the hashed files under assets/ never change
    const sendPage = (reply: FastifyReply, page: string) =>
      reply.header('cache-control', 'no-cache').sendFile(page, { cacheControl: false });
    const sendIndex = (reply: FastifyReply) => sendPage(reply, 'index.html');
    app.get('/', route, async (_req, reply) => sendIndex(reply));
    app.get<{ Params: { '*': string } }>('/*', route, async (req, reply) => {
      const rel = req.params['*'];
      if (rel === 'api' || rel.startsWith('api/')) return reply.callNotFound();
      const file = path.resolve(root, rel);
      if (file.startsWith(root + path.sep) && isFile(file)) {
        const hashed = rel.startsWith('assets/');
        return reply.sendFile(rel, hashed ? { immutable: true, maxAge: '365d' } : { maxAge: 0 });
      }
      // a missing file is a 404; any other path is a page of the app, which routes it itself
      if (path.extname(rel) !== '') return reply.callNotFound();
      // the public portal is an entry point of its own (portal.html), no sign-in
      if (rel === 'portal' || rel.startsWith('portal/')) return sendPage(reply, 'portal.html');
      return sendIndex(reply);
    });
  };
}
