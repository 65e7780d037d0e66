/**
 * The case library (#15 item 2, R-G2): propose a closed complaint as a teaching case, edit the draft
 * (anonymised again on every save), submit it, and have a different person publish or reject it.
 * Each write is one transaction; publishing, rejecting and withdrawing are audited.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access/permissions.js';
import { composeCaseDraft } from '../../domain/cases/case-draft.js';
import {
  anonymiseCase,
  assertNotOwnCase,
  caseSearchText,
  knownPersonalData,
  nextCaseStatus,
  normaliseLessonTags,
  type CaseStep,
  type CaseTexts,
} from '../../domain/cases/teaching-case.js';
import { DomainError } from '../../domain/errors.js';
import type { KnownPersonalData } from '../../domain/personal-data/anonymiser.js';
import type { Database } from '../../db/database.js';
import { findComplaint, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import {
  caseSourceMaterial,
  findLiveCaseOf,
  findTeachingCase,
  insertTeachingCase,
  updateTeachingCase,
  type TeachingCaseRow,
} from '../../db/repositories/teaching-case.repository.js';
import { audit } from '../administration/audit.service.js';
import { complaintInScope } from '../complaints/complaint-access.js';
import { complainantOf } from '../complaints/personal-data.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { caseView, requireCasePermission, visibleCase, type CaseView } from './case-views.js';

export interface ProposeInput {
  complaintId: string;
  title?: string | null;
  lessons?: string | null;
  lessonTags?: string[];
}

export interface CaseEdit {
  title?: string;
  background?: string;
  handling?: string;
  outcome?: string;
  lessons?: string;
  causeCodes?: string[];
  lessonTags?: string[];
}

function knownOf(ctx: ServiceContext, c: ComplaintRecord): KnownPersonalData {
  return knownPersonalData(complainantOf(ctx.security.keyRing, c));
}

async function reload(ctx: ServiceContext, p: Principal, id: string): Promise<CaseView> {
  return caseView(p, visibleCase(p, await findTeachingCase(ctx.db, id)));
}

/** From a closed complaint in the proposer's scope: a draft prefilled by the anonymiser. */
export async function proposeCase(ctx: ServiceContext, meta: RequestMeta, p: Principal, input: ProposeInput): Promise<CaseView> {
  requireCasePermission(p, 'case.propose');
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await complaintInScope(trx, p, input.complaintId, true);
    if (c.status !== 'closed') throw new DomainError('case_source_not_closed', { status: c.status });
    const live = await findLiveCaseOf(trx, c.id);
    if (live) throw new DomainError('case_already_proposed', { caseId: live.id });
    const known = knownOf(ctx, c);
    const source = await caseSourceMaterial(trx, c.id);
    const draft = composeCaseDraft(
      { description: c.description, requestedRemedy: c.requested_remedy, records: source.records, fileNames: source.fileNames },
      known,
      input.title ?? undefined,
    );
    const lessons = anonymiseCase({ ...draft.texts, lessons: input.lessons ?? '' }, known);
    const lessonTags = normaliseLessonTags(input.lessonTags ?? []);
    await insertTeachingCase(trx, {
      id,
      complaint_id: c.id,
      status: 'draft',
      ...lessons.texts,
      business_line: c.business_line,
      category: c.category,
      cause_codes: draft.causeCodes,
      lesson_tags: lessonTags,
      attachment_names: draft.attachmentNames,
      redactions: JSON.stringify({ ...draft.redactions, ...(lessons.redactions.lessons ? { lessons: lessons.redactions.lessons } : {}) }),
      search_text: caseSearchText(lessons.texts, { causeCodes: draft.causeCodes, lessonTags }),
      proposed_by: p.username,
      proposed_at: now,
      updated_by: p.username,
      updated_at: now,
    });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'case.propose',
      outcome: 'success',
      targetType: 'teaching_case',
      targetId: id,
      details: { complaintId: c.id, number: c.number },
    });
  });
  return reload(ctx, p, id);
}

async function lockOwnCase(db: Database, p: Principal, id: string): Promise<TeachingCaseRow> {
  const row = visibleCase(p, await findTeachingCase(db, id, true));
  if (row.proposed_by !== p.username) throw new DomainError('forbidden', { action: 'case.propose' });
  return row;
}

/** The proposer's edit of a draft (or a rejected case, which becomes a draft again): anonymised again. */
export async function editCase(ctx: ServiceContext, p: Principal, id: string, edit: CaseEdit): Promise<CaseView> {
  requireCasePermission(p, 'case.propose');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockOwnCase(trx, p, id);
    const status = nextCaseStatus('save', row.status);
    const complaint = await findComplaint(trx, row.complaint_id);
    const known = complaint ? knownOf(ctx, complaint) : {};
    const texts: CaseTexts = {
      title: edit.title ?? row.title,
      background: edit.background ?? row.background,
      handling: edit.handling ?? row.handling,
      outcome: edit.outcome ?? row.outcome,
      lessons: edit.lessons ?? row.lessons,
    };
    const result = anonymiseCase(texts, known);
    if (!result.texts.title) result.texts.title = row.title;
    const causeCodes = edit.causeCodes ? [...new Set(edit.causeCodes)] : row.cause_codes;
    const lessonTags = edit.lessonTags ? normaliseLessonTags(edit.lessonTags) : row.lesson_tags;
    await updateTeachingCase(trx, id, {
      status,
      ...result.texts,
      cause_codes: causeCodes,
      lesson_tags: lessonTags,
      redactions: JSON.stringify(result.redactions),
      search_text: caseSearchText(result.texts, { causeCodes, lessonTags }),
      updated_by: p.username,
      updated_at: now,
    });
  });
  return reload(ctx, p, id);
}

/** The proposer submits a draft for review, or takes one back from review. */
export async function moveOwnCase(ctx: ServiceContext, p: Principal, id: string, step: Extract<CaseStep, 'submit' | 'recall'>) {
  requireCasePermission(p, 'case.propose');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockOwnCase(trx, p, id);
    const status = nextCaseStatus(step, row.status);
    await updateTeachingCase(trx, id, {
      status,
      ...(step === 'submit' ? { submitted_at: now, reviewed_by: null, reviewed_at: null, review_note: null } : {}),
      updated_by: p.username,
      updated_at: now,
    });
  });
  return reload(ctx, p, id);
}

/** A reviewer (never the proposer): approve (publish), reject with a reason, or withdraw a published case. */
export async function reviewCase(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  id: string,
  step: Extract<CaseStep, 'approve' | 'reject' | 'withdraw'>,
  note: string | null,
): Promise<CaseView> {
  requireCasePermission(p, 'case.review');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = visibleCase(p, await findTeachingCase(trx, id, true));
    assertNotOwnCase(row.proposed_by, p.username);
    const status = nextCaseStatus(step, row.status);
    const patch =
      step === 'withdraw'
        ? { withdrawn_by: p.username, withdrawn_at: now, withdrawn_reason: note }
        : { reviewed_by: p.username, reviewed_at: now, review_note: note, ...(step === 'approve' ? { published_at: now } : {}) };
    await updateTeachingCase(trx, id, { status, ...patch, updated_at: now, updated_by: p.username });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: step === 'approve' ? 'case.publish' : step === 'reject' ? 'case.reject' : 'case.withdraw',
      outcome: 'success',
      targetType: 'teaching_case',
      targetId: id,
      details: { title: row.title, proposedBy: row.proposed_by, note },
    });
  });
  return reload(ctx, p, id);
}
