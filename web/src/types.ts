/**
 * The API answers this app reads, named: each is the type generated from /api/openapi.json
 * (api/schema.d.ts, `npm run gen:api`), so the server's zod schemas are the only declaration.
 */
import type { Answer, ItemOf } from './api/client';

export type Me = Answer<'/api/auth/me', 'get'>;
export type User = Me['user'];
/** What the app keeps of a sign-in (GET /api/auth/me, or the answer of a sign-in or password change). */
export type SignedIn = Pick<Me, 'user' | 'csrfToken' | 'mustChangePassword'>;

export type LedgerPage = Answer<'/api/complaints', 'get'>;
export type LedgerItem = ItemOf<LedgerPage>;

export type ComplaintDetail = Answer<'/api/complaints/{id}', 'get'>;
export type MaskedComplainant = ComplaintDetail['complainant'];
/** One grading rule that fired, with its facts (the complaint's gradingReasons, the intake preview). */
export type GradingReason = ComplaintDetail['gradingReasons'][number];

export type PolicyAnswer = Answer<'/api/policy', 'get'>;
export type Taxonomies = PolicyAnswer['policy']['taxonomies'];
/** An entry of one of the policy's lists (channels, categories…). */
export type TaxonomyEntry = Taxonomies['categories'][number];
