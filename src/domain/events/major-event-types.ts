/**
 * The events of a major complaint (重大投诉, #14 item 4): how it was marked (by the grading rules at
 * intake or by a leader with a reason) or unmarked, its emergency plan (actions and milestones with
 * owners; a milestone's clock has its id as subject) and the reports to the regulator. Part of the
 * complaint's hash chain like every other event (event-types.ts).
 */

/** An instant as written: a Date, or its ISO string. */
type Instant = Date | string;

export const MAJOR_EVENT_TYPES = [
  'major_marked',
  'major_unmarked',
  'major_plan_updated',
  'major_plan_item_added',
  'major_plan_item_done',
  'major_regulator_reported',
] as const;

export interface MajorPayloads {
  major_marked: {
    source: 'rules' | 'leader';
    /** the grading rules that fired (major_joint_complainants, major_disaster, major_regulator_designated); empty for a leader */
    rules: string[];
    reason: string | null;
    /** the intake's facts behind the rules */
    majorCause?: string | null;
    regulatorReference?: string | null;
    jointComplainants?: number;
    /** the report to the regulator is due then (policy.majorComplaint.regulatorReport from the marking) */
    regulatorReportDueAt: Instant | null;
    /** who was told at once: the leadership group and senior management */
    notified: string[];
  };
  major_unmarked: { reason: string; cancelledClocks: number; notified: string[] };
  major_plan_updated: { summary: string; owners: string[]; created: boolean };
  major_plan_item_added: { itemId: string; kind: 'action' | 'milestone'; title: string; owner: string; dueAt: Instant | null };
  major_plan_item_done: {
    itemId: string;
    kind: 'action' | 'milestone';
    title: string;
    note: string;
    dueAt: Instant | null;
    late: boolean;
    clockMet: boolean;
  };
  major_regulator_reported: {
    reportId: string;
    reportedAt: Instant;
    recipient: string;
    reference: string | null;
    /** the report's text is in the record (major_regulator_reports); its sha256 is chained here */
    bodySha256: string;
    dueAt: Instant | null;
    late: boolean;
    clockMet: boolean;
  };
}
