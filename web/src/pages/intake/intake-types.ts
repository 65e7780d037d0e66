import type { ComplaintDetail, GradingReason } from '../../types';

export interface PlannedClock {
  kind: string;
  dueAt: string | null;
  calendarConfirmed: boolean;
}

/** POST /api/complaints/preview */
export interface IntakePreview {
  level: 1 | 2 | 3;
  major: boolean;
  reasons: GradingReason[];
  clocks: PlannedClock[];
  duplicates: Array<{ id: string; number: string; status: string; level: number; category: string; receivedAt: string }>;
  hiddenDuplicates: number;
}

/** POST /api/complaints answers the complaint as GET /api/complaints/{id} does. */
export type RegisteredComplaint = ComplaintDetail & {
  gradingReasons: GradingReason[];
  clocks: Array<{ kind: string; dueAt: string | null; status: string; calendarConfirmed: boolean }>;
};

export interface OrgUnit {
  id: string;
  code: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}
