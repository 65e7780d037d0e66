/** The API answers the complaint page reads, as generated from /api/openapi.json. */
import type { Answer, ItemOf } from '../../api/client';
import type { ComplaintDetail, GradingReason } from '../../types';

export type { GradingReason };

/** The detail answer: every clock (a paused clock has no due time), the related complaints. */
export type FullDetail = ComplaintDetail;
export type ClockView = FullDetail['clocks'][number];
export type DeadlineViews = FullDetail['deadlines'];
export type RelatedComplaint = FullDetail['related'][number];

export type EventView = ItemOf<Answer<'/api/complaints/{id}/events', 'get'>>;

export type RecordsAnswer = Answer<'/api/complaints/{id}/records', 'get'>;
export type RecordView = RecordsAnswer['records'][number];
export type Milestone = RecordsAnswer['milestones'][number];

export type ImprovementAction = ItemOf<Answer<'/api/improvement-actions', 'get'>>;
export type OrgUnit = ItemOf<Answer<'/api/org-units', 'get'>>;
