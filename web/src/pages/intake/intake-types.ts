/** The answers the new-complaint page reads, as generated from /api/openapi.json. */
import type { Answer, ItemOf } from '../../api/client';

/** POST /api/complaints/preview: the level, the clocks it would start, possible duplicates. */
export type IntakePreview = Answer<'/api/complaints/preview', 'post'>;

/** POST /api/complaints answers the complaint as GET /api/complaints/{id} does. */
export type RegisteredComplaint = Answer<'/api/complaints', 'post'>;

export type OrgUnit = ItemOf<Answer<'/api/org-units', 'get'>>;
