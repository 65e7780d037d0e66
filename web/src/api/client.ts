/**
 * The typed API client (#10 item 2): openapi-fetch over the types that `npm run gen:api` generates
 * from /api/openapi.json (schema.d.ts). Paths, parameters, bodies and answers are checked by tsc
 * against the server's own zod schemas; nothing here is written by hand but the plumbing.
 *
 *   const detail = await ok(client.GET('/api/complaints/{id}', { params: { path: { id } } }));
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { apiErrorOf, requestHeaders, searchParams } from '../api';

export type { paths } from './schema';
export type * from './types';

/** Query lists go comma-joined (`status=a,b`), empty values are left out: what the API reads. */
export const client = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  querySerializer: (query) => searchParams(query).toString(),
});

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
