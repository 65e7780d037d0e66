/** The shapes of the administration API answers (see /api/openapi.json). */

export type OrgUnitKind = 'branch' | 'department' | 'leadership_group' | 'supervision' | 'senior_management';
export const ORG_UNIT_KINDS: readonly OrgUnitKind[] = ['branch', 'department', 'leadership_group', 'supervision', 'senior_management'];

export interface OrgUnit {
  id: string;
  kind: OrgUnitKind;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: string[];
  orgUnitIds: string[];
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface RoleInfo {
  role: string;
  zh: string;
  en: string;
  scope: 'none' | 'branch' | 'department' | 'all';
  permissions: string[];
}

export interface PolicyVersionSummary {
  version: number;
  createdAt: string;
  createdBy: string;
  reason: string | null;
}

export interface TaxonomyItem {
  code: string;
  zh: string;
  en: string;
  active: boolean;
  /** business lines only */
  sector?: 'insurance' | 'securities';
}

export const TAXONOMY_NAMES = ['channels', 'businessLines', 'categories', 'causes', 'outcomes'] as const;
export type TaxonomyName = (typeof TAXONOMY_NAMES)[number];

export const DURATION_UNITS = ['minutes', 'hours', 'working_hours', 'working_days', 'calendar_days'] as const;
export const APPROVERS = ['supervisor', 'department_head', 'leadership_group'] as const;

/** The policy document: the parts the structured editor knows; everything else is kept as it is. */
export interface PolicyDoc {
  clocks: Record<string, { amount: number; unit: string }>;
  regulatory: { decisionDays: number; extendedDays: number; maxDays: number };
  grading: Record<string, { l1Above: string; l2From: string }>;
  retention: Record<string, number>;
  compensationBands: Array<{ upTo: string | null; approver: string }>;
  keywords: { level1: string[]; level2: string[] };
  taxonomies: Record<TaxonomyName, TaxonomyItem[]>;
  [key: string]: unknown;
}

export interface PolicyVersionAnswer extends PolicyVersionSummary {
  policy: PolicyDoc;
}

export type CalendarDayKind = 'holiday' | 'workday' | 'weekday' | 'weekend';

export interface CalendarDay {
  date: string;
  weekday: number;
  working: boolean;
  kind: CalendarDayKind;
  name: string;
  /** a holiday the national regulation names (in a provisional year, why the day is off) */
  statutory: boolean;
}

export interface CalendarYear {
  year: number;
  confirmed: boolean;
  /** not confirmed: counted with weekends and the statutory holidays, adjusted working days unknown */
  provisional: boolean;
  source: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  summary: { workingDays: number; holidays: number; adjustedWorkdays: number };
  days: CalendarDay[];
}

export interface CalendarYearListItem {
  year: number;
  confirmed: boolean;
}

/** GET /api/calendar: the years, and those to import now (next year from 1 November). */
export interface CalendarYearsAnswer {
  items: CalendarYearListItem[];
  pending: number[];
  nextYearAlertFrom: string;
}

export interface CalendarImportResult {
  year: number;
  days: number;
  warnings: string[];
  replanned: number;
}
