/**
 * Message templates edited by administrators (#11 item 5): the list, one template with its history
 * per language, saving a version (every variable checked), restoring the built-in text (a new
 * version equal to it, reason `restored`: the history stays), and a preview of a draft on a real
 * complaint the reader may open, or on sample values. Saving is one transaction with its audit row.
 */
import { can, scopeFilter, type Principal } from '../../domain/access/permissions.js';
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { Locale } from '../../domain/messages/message-templates.js';
import {
  defaultTemplate,
  EDITABLE_TEMPLATE_CODES,
  requiredVariables,
  templateAudience,
  templateLabel,
  templateVariables,
  validateTemplate,
  variableLabel,
  type EditableTemplateCode,
  type TemplateText,
} from '../../domain/messages/outgoing-templates.js';
import { smsSegments, withSignature } from '../../domain/messages/sms.js';
import { assertNoIssues, type FieldIssue } from '../../domain/validation.js';
import type { Database } from '../../db/database.js';
import {
  findLatestTemplateVersion,
  findNewestComplaintNumber,
  insertTemplateVersion,
  listLatestTemplateVersions,
  listTemplateVersions,
  lockTemplateVersions,
  type TemplateVersionRow,
} from '../../db/repositories/message-template.repository.js';
import { audit } from '../administration/audit.service.js';
import { complaintInScope } from '../complaints/complaint-access.js';
import { findComplaint } from '../../db/repositories/complaint.repository.js';
import type { Actor, RequestMeta, ServiceContext } from '../context.js';
import { channelsOf } from './channel-settings.js';
import { complaintFacts, previewParams, sampleFacts, type PreviewFacts, type Writing } from './message-template-preview.js';
import { composeMessage } from './message-template-text.js';

export const TEMPLATE_LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** The reason recorded with a version that restores the built-in text. */
export const RESTORED_REASON = 'restored';

const same = (a: TemplateText, b: TemplateText) => a.subject === b.subject && a.body === b.body;

function textOf(row: TemplateVersionRow, builtIn: TemplateText): TemplateText {
  return { subject: row.subject ?? builtIn.subject, body: row.body };
}

function describe(code: EditableTemplateCode) {
  const required = new Set<string>(requiredVariables(code));
  return {
    code,
    label: templateLabel(code),
    audience: templateAudience(code),
    variables: templateVariables(code).map((name) => ({ name, label: variableLabel(name), required: required.has(name) })),
  };
}

function versionView(code: EditableTemplateCode, row: TemplateVersionRow) {
  const builtIn = defaultTemplate(code, row.locale);
  const text = textOf(row, builtIn);
  return {
    version: row.version,
    locale: row.locale,
    ...text,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    reason: row.reason === RESTORED_REASON ? null : row.reason,
    restored: row.reason === RESTORED_REASON,
    builtIn: same(text, builtIn),
  };
}

/** Every editable template: what it is, its variables, and per language the version in force (null: the built-in text). */
export async function listMessageTemplates(db: Database) {
  const latest = await listLatestTemplateVersions(db);
  return {
    items: EDITABLE_TEMPLATE_CODES.map((code) => ({
      ...describe(code),
      locales: TEMPLATE_LOCALES.map((locale) => {
        const row = latest.find((r) => r.template === code && r.locale === locale);
        const builtIn = defaultTemplate(code, locale);
        return {
          locale,
          version: row?.version ?? null,
          builtIn: row ? same(textOf(row, builtIn), builtIn) : true,
          createdAt: row?.createdAt ?? null,
          createdByName: row ? (row.createdByName ?? row.createdBy) : null,
        };
      }),
    })),
  };
}

/** One template: per language the built-in text, the text in force and every saved version, newest first. */
export async function messageTemplate(db: Database, code: EditableTemplateCode) {
  const rows = await listTemplateVersions(db, code);
  return {
    ...describe(code),
    locales: TEMPLATE_LOCALES.map((locale) => {
      const builtIn = defaultTemplate(code, locale);
      const versions = rows.filter((r) => r.locale === locale).map((r) => versionView(code, r));
      const current = versions[0];
      return {
        locale,
        builtInText: builtIn,
        current: current ? { version: current.version, subject: current.subject, body: current.body } : { version: null, ...builtIn },
        versions,
      };
    }),
  };
}

export interface SaveTemplateInput {
  locale: Locale;
  subject?: string | null;
  body?: string | null;
  reason?: string | null;
  /** a new version equal to the built-in text */
  restore?: boolean;
}

/** The draft as saved: the subject trimmed, line ends as \n. */
function normalise(input: { subject?: string | null; body?: string | null }): TemplateText {
  return { subject: (input.subject ?? '').trim(), body: (input.body ?? '').replace(/\r\n?/g, '\n') };
}

/** A new version of a template in one language; the previous ones stay (the history). */
export async function saveMessageTemplate(
  ctx: ServiceContext,
  actor: Actor,
  meta: RequestMeta,
  code: EditableTemplateCode,
  input: SaveTemplateInput,
) {
  const restore = input.restore === true;
  const text = restore ? defaultTemplate(code, input.locale) : normalise(input);
  const reason = restore ? RESTORED_REASON : (input.reason?.trim() ?? '');
  if (!restore) {
    const issues: FieldIssue[] = validateTemplate(code, text);
    if (reason === '') issues.push({ field: 'reason', code: 'reason_required' });
    assertNoIssues(issues);
  }
  return ctx.db.transaction().execute(async (trx) => {
    await lockTemplateVersions(trx, code, input.locale);
    const latest = await findLatestTemplateVersion(trx, code, input.locale);
    const builtIn = defaultTemplate(code, input.locale);
    if (same(latest ? textOf(latest, builtIn) : builtIn, text))
      throw new DomainError('nothing_to_change', {}, restore ? 'restore' : 'body');
    const version = (latest?.version ?? 0) + 1;
    const createdAt = ctx.now();
    await insertTemplateVersion(trx, { template: code, locale: input.locale, version, ...text, createdAt, createdBy: actor.id, reason });
    // an administrative change (R-H1): in the audit log with the version it replaces
    await audit(trx, meta, {
      at: createdAt,
      actor: actor.id,
      action: restore ? 'message_template.restore' : 'message_template.save',
      outcome: 'success',
      targetType: 'message_template',
      targetId: `${code}/${input.locale}/v${version}`,
      details: { template: code, locale: input.locale, version, previous: latest?.version ?? null, reason },
    });
    const saved = await findLatestTemplateVersion(trx, code, input.locale);
    if (!saved) throw new Error('template version just saved is missing');
    return versionView(code, saved);
  });
}

export interface PreviewInput {
  locale: Locale;
  subject: string;
  body: string;
  /** a complaint's number; none: the newest complaint the reader may open, else sample values */
  complaintNumber?: string | null;
}

/**
 * The complaint a preview is written on: the one asked for, or the newest. Whoever manages the
 * templates may preview on any complaint, whatever their complaint scope (an administrator's is
 * none): a preview shows only what the template offers (number, dates, link, company), never the
 * complainant's personal data, and each one on a real complaint is audited. Others stay in scope.
 */
async function previewFacts(ctx: ServiceContext, p: Principal, number: string | null, w: Writing): Promise<PreviewFacts> {
  const anyComplaint = can(p, 'message.manage');
  const open = async (ref: string) => {
    if (!anyComplaint) return complaintInScope(ctx.db, p, ref);
    const c = await findComplaint(ctx.db, ref);
    if (!c) throw new DomainError('complaint_not_found');
    return c;
  };
  if (number) {
    try {
      return await complaintFacts(ctx.db, await open(number), w);
    } catch (e) {
      if (isDomainError(e) && e.code === 'complaint_not_found') throw new DomainError('complaint_not_found', {}, 'complaintNumber');
      throw e;
    }
  }
  const reach = anyComplaint ? { all: true, branchIds: [], departmentIds: [], createdBy: p.username } : scopeFilter(p);
  const newest = anyComplaint || can(p, 'complaint.read') ? await findNewestComplaintNumber(ctx.db, reach) : undefined;
  if (newest) return complaintFacts(ctx.db, await open(newest), w);
  return sampleFacts(ctx.db, w, p.username);
}

/**
 * A draft rendered as it would leave: the e-mail's subject and text, and the SMS with the signature
 * and its segment count. Invalid drafts answer the same field issues as saving. Written on a real
 * complaint, the read is recorded in the audit log (R-H1).
 */
export async function previewMessageTemplate(
  ctx: ServiceContext,
  p: Principal,
  meta: RequestMeta,
  code: EditableTemplateCode,
  input: PreviewInput,
) {
  const text = normalise(input);
  assertNoIssues(validateTemplate(code, text));
  const s = channelsOf(ctx);
  const facts = await previewFacts(ctx, p, input.complaintNumber?.trim() || null, {
    now: ctx.now(),
    timeZone: ctx.timeZone,
    locale: input.locale,
  });
  const composed = composeMessage(s, text, {
    code,
    params: previewParams(code, facts),
    locale: input.locale,
    timeZone: ctx.timeZone,
    complaintId: facts.complaintId,
  });
  const sms = withSignature(s.smsSignature, composed.sms);
  if (facts.complaintId) {
    await audit(ctx.db, meta, {
      at: ctx.now(),
      actor: p.username,
      action: 'message_template.preview',
      outcome: 'success',
      targetType: 'complaint',
      targetId: facts.complaintId,
      details: { number: facts.number, template: code, locale: input.locale },
    });
  }
  return {
    complaintNumber: facts.complaintId ? facts.number : null,
    subject: composed.subject,
    email: composed.email,
    sms: { text: sms, ...smsSegments(sms) },
  };
}
