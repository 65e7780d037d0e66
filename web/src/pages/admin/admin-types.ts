/** The administration API answers (generated from /api/openapi.json) and the editor's own names. */
import type { Answer, ItemOf } from '../../api/client';

export type OrgUnit = ItemOf<Answer<'/api/org-units', 'get'>>;

export type AdminUser = ItemOf<Answer<'/api/users', 'get'>>;
export type RoleInfo = ItemOf<Answer<'/api/roles', 'get'>>;
export type PolicyVersionSummary = ItemOf<Answer<'/api/policy/versions', 'get'>>;

/** The policy document the structured editor edits and publishes. */
export type PolicyDoc = Answer<'/api/policy', 'get'>['policy'];

export const TAXONOMY_NAMES = ['channels', 'businessLines', 'categories', 'causes', 'outcomes', 'customerGroups'] as const;
export type TaxonomyName = (typeof TAXONOMY_NAMES)[number];
type Lists = PolicyDoc['taxonomies'];
/** An entry of any of the lists as the editor handles them (only business lines carry a sector). */
export type TaxonomyItem = Lists['categories'][number] & Partial<Pick<Lists['businessLines'][number], 'sector'>>;

export type CalendarYear = Answer<'/api/calendar/{year}', 'get'>;
export type CalendarDay = CalendarYear['days'][number];
