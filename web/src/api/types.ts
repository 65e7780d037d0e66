/**
 * Names for the parts of the generated schema (schema.d.ts) the app and the browser tests use: an
 * operation's answer, body and query, the item of a list answer, the error answer. Types only, and
 * './schema.js' so that the browser tests (NodeNext resolution) can import them too.
 */
import type { paths } from './schema.js';

export type { paths };

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
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

/** The query parameters an operation takes, e.g. Query<'/api/complaints', 'get'>. */
export type Query<P extends keyof paths, M extends Method> = paths[P][M & keyof paths[P]] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

/** The operations that take a multipart upload (apiUpload). */
export type UploadPath = {
  [P in keyof paths]: paths[P]['post'] extends { requestBody?: { content: { 'multipart/form-data': unknown } } } ? P : never;
}[keyof paths];

/** The error answer every route declares ({code, message, fields}; http/schemas/common.ts), as sign-in's 400 states it. */
export type ErrorAnswer = JsonOf<paths['/api/auth/login']['post']['responses'][400]>;

/** An item of a list answer's `items`. */
export type ItemOf<A> = A extends { items: Array<infer I> } ? I : never;

/** The GETs that answer a file, not JSON (apiDownload). */
export type DownloadPath = {
  [P in keyof paths]: paths[P] extends { get: { responses: { 200: { content: infer C } } } }
    ? 'application/json' extends keyof C
      ? never
      : P
    : never;
}[keyof paths];

/** The operations that take a POST. */
export type PostPath = { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths];
/** The workflow steps: POST /api/complaints/{id}/<step> (grade, assign, add-evidence…). */
export type StepPath = Extract<PostPath, `/api/complaints/{id}/${string}`>;
/** A step's URL segment: grade, start-investigation, add-evidence… */
export type StepName = StepPath extends `/api/complaints/{id}/${infer S}` ? S : never;
