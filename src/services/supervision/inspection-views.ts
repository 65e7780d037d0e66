/** What the inspection use cases answer with (#14 item 1): rows as the API shows them. */
import type { ChecklistResult } from '../../domain/supervision/checklist.js';
import type { PlanRule, PlanReason } from '../../domain/supervision/sampling-plan.js';
import { isOverdue } from '../../domain/supervision/rectification.js';
import type { ItemWithComplaint, PlanRow, SamplingRunRow } from '../../db/repositories/inspection.repository.js';
import type { FindingRow, RequestRow } from '../../db/repositories/inspection-rectification.repository.js';

export interface PlanSummaryView {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  departmentIds: string[];
  rules: PlanRule[];
  checklistId: string;
  checklistVersion: number;
  status: PlanRow['status'];
  summary: string | null;
  createdAt: Date;
  createdBy: string;
  completedAt: Date | null;
}

export interface RunView {
  id: string;
  seq: number;
  seed: number;
  rules: PlanRule[];
  populationSize: number;
  drawnComplaintIds: string[];
  drawnAt: Date;
  drawnBy: string;
}

export interface ItemView {
  id: string;
  complaint: { id: string; number: string; status: string; level: number };
  source: 'drawn' | 'manual';
  runId: string | null;
  reasons: PlanReason[];
  manualReason: string | null;
  departmentIds: string[];
  handler: string | null;
  answers: Array<{ code: string; result: ChecklistResult; comment?: string }>;
  score: number | null;
  scoredAt: Date | null;
  scoredBy: string | null;
  addedAt: Date;
  addedBy: string;
  removedAt: Date | null;
  removedBy: string | null;
  removedReason: string | null;
}

export interface FindingView {
  id: string;
  planId: string | null;
  itemId: string | null;
  complaint: { id: string; number: string } | null;
  departmentId: string | null;
  person: string | null;
  severity: FindingRow['severity'];
  text: string;
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  createdAt: Date;
  createdBy: string;
}

export interface RequestView {
  id: string;
  planId: string | null;
  findingId: string | null;
  complaint: { id: string; number: string } | null;
  departmentId: string | null;
  addressee: string | null;
  text: string;
  status: RequestRow['status'];
  workingDays: number;
  dueAt: Date | null;
  firstDueAt: Date | null;
  clockStatus: RequestRow['clock_status'];
  breachedAt: Date | null;
  escalationStep: number;
  overdue: boolean;
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  lastAnsweredAt: Date | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  verdictNote: string | null;
  rounds: number;
  createdAt: Date;
  createdBy: string;
}

export function planSummaryView(r: PlanRow): PlanSummaryView {
  return {
    id: r.id,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    departmentIds: r.department_ids,
    rules: r.rules as PlanRule[],
    checklistId: r.checklist_id,
    checklistVersion: r.checklist_version,
    status: r.status,
    summary: r.summary,
    createdAt: r.created_at,
    createdBy: r.created_by,
    completedAt: r.completed_at,
  };
}

export function runView(r: SamplingRunRow): RunView {
  return {
    id: r.id,
    seq: r.seq,
    seed: Number(r.seed),
    rules: r.rules as PlanRule[],
    populationSize: r.population_size,
    drawnComplaintIds: r.drawn_ids,
    drawnAt: r.drawn_at,
    drawnBy: r.drawn_by,
  };
}

export function itemView(r: ItemWithComplaint): ItemView {
  return {
    id: r.id,
    complaint: { id: r.complaint_id, number: r.complaint_number, status: r.complaint_status, level: r.complaint_level },
    source: r.source,
    runId: r.run_id,
    reasons: r.reasons as PlanReason[],
    manualReason: r.manual_reason,
    departmentIds: r.department_ids,
    handler: r.handler,
    answers: r.answers as ItemView['answers'],
    score: r.score === null ? null : Number(r.score),
    scoredAt: r.scored_at,
    scoredBy: r.scored_by,
    addedAt: r.added_at,
    addedBy: r.added_by,
    removedAt: r.removed_at,
    removedBy: r.removed_by,
    removedReason: r.removed_reason,
  };
}

export function findingView(r: FindingRow): FindingView {
  return {
    id: r.id,
    planId: r.plan_id,
    itemId: r.item_id,
    complaint: r.complaint_id && r.complaint_number ? { id: r.complaint_id, number: r.complaint_number } : null,
    departmentId: r.department_id,
    person: r.person,
    severity: r.severity,
    text: r.text,
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export function requestView(r: RequestRow, now: Date): RequestView {
  return {
    id: r.id,
    planId: r.plan_id,
    findingId: r.finding_id,
    complaint: r.complaint_id && r.complaint_number ? { id: r.complaint_id, number: r.complaint_number } : null,
    departmentId: r.department_id,
    addressee: r.addressee,
    text: r.text,
    status: r.status,
    workingDays: r.working_days,
    dueAt: r.due_at,
    firstDueAt: r.first_due_at,
    clockStatus: r.clock_status,
    breachedAt: r.breached_at,
    escalationStep: r.escalation_step,
    overdue: isOverdue({ status: r.status, dueAt: r.due_at }, now),
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
    lastAnsweredAt: r.last_answered_at,
    verifiedAt: r.verified_at,
    verifiedBy: r.verified_by,
    verdictNote: r.verdict_note,
    rounds: r.rounds,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}
