/** Shapes of the API answers the complaint page reads (see /api/openapi.json). */
import type { ComplaintDetail, ComplaintEvent, GradingReason } from '../../types';

export type { GradingReason };

export interface ClockView {
  kind: string;
  amount: number;
  unit: string;
  startedAt: string;
  /** null while paused */
  dueAt: string | null;
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  metAt: string | null;
  breachedAt: string | null;
  calendarConfirmed: boolean;
  overdue: boolean;
  label: string | null;
  subjectId: string | null;
  round: number;
}

export interface RelatedComplaint {
  id: string;
  number: string;
  kind: string;
  status: string;
  category: string;
  receivedAt: string;
  details: Record<string, unknown>;
  linkedAt: string;
}

export interface DeadlineViews {
  policy: ClockView | null;
  regulatory: ClockView | null;
  stricter: string | null;
  calendarConfirmed: boolean;
}

/** The detail answer with the fields the first slice's shared type leaves out (a paused clock has no due time). */
export interface FullDetail extends Omit<ComplaintDetail, 'deadlines'> {
  deadlines: DeadlineViews;
  proposedLevel: 1 | 2 | 3;
  levelConfirmed: boolean;
  major: boolean;
  businessLine: string;
  product: string | null;
  branch: string | null;
  urgent: boolean;
  registeredAt: string;
  subjectParty: string | null;
  callReference: string | null;
  jointComplainants: number;
  riskFlags: string[];
  departmentIds: string[];
  round: number;
  outcome: string | null;
  closedAt: string | null;
  regulatoryDays: number;
  gradingReasons: GradingReason[];
  policyVersion: number;
  createdBy: string;
  clocks: ClockView[];
  related: RelatedComplaint[];
}

export interface EventView extends ComplaintEvent {
  payload: Record<string, unknown>;
  redacted?: boolean;
}

export interface RecordView {
  id: string;
  kind: string;
  round: number;
  status: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface Milestone {
  id: string;
  meetingId: string;
  title: string;
  owner: string;
  dueAt: string;
  status: 'open' | 'overdue' | 'done' | 'breached' | 'cancelled';
  doneAt: string | null;
  doneBy: string | null;
  doneNote: string | null;
}

export interface RecordsAnswer {
  records: RecordView[];
  milestones: Milestone[];
}

export interface ImprovementAction {
  id: string;
  title: string;
  description: string;
  owner: string;
  departmentId: string | null;
  causeCodes: string[];
  status: 'open' | 'done' | 'verified';
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  createdBy: string;
  doneAt: string | null;
  doneBy: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
}

export interface UserSummary {
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
}

export interface OrgUnit {
  id: string;
  kind: string;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface PolicyEntry {
  code: string;
  zh: string;
  en: string;
  active: boolean;
}

export interface PolicyLists {
  policy: {
    taxonomies: Record<string, PolicyEntry[] | undefined>;
    regulatory: { decisionDays: number; extendedDays: number; maxDays: number };
  };
}
