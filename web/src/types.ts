/** The shapes of the API answers this app reads (see /api/openapi.json). */

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  mustChangePassword: boolean;
}

export interface Me {
  user: User;
  csrfToken: string | null;
  mustChangePassword: boolean;
}

export interface LoginAnswer {
  user: User;
  csrfToken: string;
  mustChangePassword: boolean;
}

export interface NextDue {
  kind: string;
  dueAt: string;
  calendarConfirmed: boolean;
}

export interface LedgerItem {
  id: string;
  number: string;
  status: string;
  level: 1 | 2 | 3;
  channel: string;
  category: string;
  complainantName: string;
  receivedAt: string;
  overdue: boolean;
  nextDue: NextDue | null;
  /** the late clock that makes it overdue (the earliest due of them): its due time, not the next one's */
  overdueClock?: { kind: string; dueAt: string; status: string } | null;
}

export interface LedgerPage {
  items: LedgerItem[];
  nextCursor: string | null;
}

export interface Clock {
  kind: string;
  dueAt: string;
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  calendarConfirmed: boolean;
  overdue: boolean;
}

export interface Deadlines {
  policy: Clock | null;
  regulatory: Clock | null;
  stricter: string | null;
  calendarConfirmed: boolean;
}

export interface MaskedComplainant {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  idNumber: string | null;
  account: string | null;
  masked: boolean;
}

export interface ComplaintDetail extends LedgerItem {
  description: string;
  requestedRemedy: string | null;
  amount: string | null;
  assignee: string | null;
  tracker: string | null;
  complainant: MaskedComplainant;
  deadlines: Deadlines;
  allowedActions: string[];
}

export interface ComplaintEvent {
  seq: number;
  type: string;
  actor: string;
  occurredAt: string;
  reason: string | null;
}

export interface TaxonomyEntry {
  code: string;
  zh: string;
  en: string;
  active: boolean;
}

export interface PolicyAnswer {
  version: number;
  policy: { taxonomies: Record<'channels' | 'categories' | 'businessLines' | 'causes' | 'outcomes', TaxonomyEntry[]> };
}

/** One grading rule that fired, with its facts (the complaint's gradingReasons, the intake preview). */
export interface GradingReason {
  rule: string;
  level: 1 | 2 | 3;
  detail: Record<string, string | number>;
}
