/**
 * The typed API client (#10 item 2): openapi-fetch over the types that `npm run gen:api` generates
 * from /api/openapi.json (schema.d.ts). Paths, parameters, bodies and answers are checked by tsc
 * against the server's own zod schemas; nothing here is written by hand but the plumbing.
 *
 *   const detail = await ok(client.GET('/api/complaints/{id}', { params: { path: { id } } }));
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { apiErrorOf, requestHeaders } from '../api';

export type { paths } from './schema';

export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

const headers: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(requestHeaders(request.method))) request.headers.set(name, value);
    return request;
  },
};
client.use(headers);

/** What openapi-fetch answers: data on success, error otherwise, and the response. */
type Outcome<D> = { data?: D; error?: unknown; response: Response };

/** The answer's body, or an ApiError (status, code, message in the user's language, fields). */
export async function ok<D>(pending: Promise<Outcome<D>>): Promise<D> {
  const { data, error, response } = await pending;
  if (!response.ok) throw apiErrorOf(response.status, error);
  return data as D;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type SuccessOf<Op> = Op extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]> : never;

/** The success answer of an operation, e.g. Answer<'/api/complaints/{id}', 'get'>. */
export type Answer<P extends keyof paths, M extends Method> = SuccessOf<paths[P][M & keyof paths[P]]>;

/** The JSON body an operation takes, e.g. Body<'/api/users', 'post'>. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M & keyof paths[P]] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** An item of a list answer's `items`. */
export type ItemOf<A> = A extends { items: Array<infer I> } ? I : never;
