/** GET /api/board (src/services/workflow/board.service.ts): the leadership board's answer. */

export interface BoardPerson {
  username: string;
  displayName: string;
}

export interface BoardMilestone {
  id: string;
  label: string;
  owner: BoardPerson;
  dueAt: string;
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled' | 'unknown';
  metAt: string | null;
  overdue: boolean;
  late: boolean;
}

export interface BoardPlan {
  heldAt: string;
  decisions: string;
  owners: BoardPerson[];
  departments: Array<{ id: string; code: string; zh: string; en: string }>;
  meetings: number;
}

export interface BoardLevel1 {
  id: string;
  number: string;
  status: string;
  category: string;
  businessLine: string;
  amount: string | null;
  receivedAt: string;
  assignee: string | null;
  tracker: string | null;
  overdue: boolean;
  plan: BoardPlan | null;
  milestones: BoardMilestone[];
}

export type ExceptionKind = 'breach' | 'stalled' | 'dissatisfied';

export interface BoardComplaintRef {
  id: string;
  number: string;
  level: 1 | 2 | 3;
  status: string;
}

export interface BoardException {
  id: string;
  kind: ExceptionKind;
  raisedAt: string;
  clockKind: string | null;
  details: { label?: string | null; dueAt?: string };
  complaint: BoardComplaintRef;
}

export interface BoardBreach {
  clockId: string;
  kind: string;
  label: string | null;
  dueAt: string | null;
  breachedAt: string;
  clockStatus: string;
  complaint: BoardComplaintRef;
}

export interface BoardAnswer {
  generatedAt: string;
  timeZone: string;
  tiles: {
    openComplaints: number;
    openLevel1: number;
    overdueComplaints: number;
    openExceptions: number;
    breaches: number;
    onTimeRate: number | null;
  };
  openByLevel: Array<{ level: number; open: number; overdue: number }>;
  onTime: Array<{ weekStart: string; onTime: number; late: number; rate: number | null }>;
  receivedPerDay: Array<{ day: string; count: number }>;
  exceptions: { open: Record<ExceptionKind, number>; items: BoardException[] };
  breaches: { since: string; total: number; items: BoardBreach[] };
  level1: { total: number; items: BoardLevel1[] };
}
