/**
 * One complaint anonymised by the retention sweep (#15 item 4, R-H6), inside the transaction that
 * claimed (locked) it: its chain verified first, its events redacted and its salt deleted, every
 * table holding its personal data rewritten or erased, the complaint row anonymised, then the
 * `retention_anonymised` event appended (a new salt for the events after it). Statistics
 * (complaint_facts, statistics_cache) hold no personal data and are not touched.
 */
import type { Database } from '../../db/database.js';
import { appendEvents, complaintSaltOrNull, deleteSalt, listEvents, redactEvent } from '../../db/repositories/event.repository.js';
import {
  deleteImportSources,
  deletePortalAccess,
  dropHotlineRecordings,
  eraseEvidence,
  eraseInboundMailSources,
  reportsAboutComplaint,
  rewriteComplaintTables,
  writeAnonymisedReport,
} from '../../db/repositories/retention-anonymise.repository.js';
import { findReport } from '../../db/repositories/report.repository.js';
import type { ReportFigures } from '../../domain/reports/report-figures.js';
import type { ServiceContext } from '../context.js';
import { renderReportFiles, reportTexts } from '../reports/report-build.js';
import { complaintForAnonymisation, writeAnonymisedComplaint } from '../../db/repositories/retention.repository.js';
import { findChainBreak, type RecordedV1Event } from '../../domain/events/hash-chain.js';
import { IMPORT_MAPPING_SPECS } from '../../domain/imports/import-mappings.js';
import { anonymiseFileName, type KnownPersonalData } from '../../domain/personal-data/anonymiser.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import {
  ANONYMISED_NAME,
  anonymisedSearchText,
  anonymiseJson,
  anonymiseNullable,
  anonymiseString,
  knownPersonalData,
} from '../../domain/retention/anonymise-values.js';
import { decryptField, isEncrypted, PiiDecryptError, type KeyRing } from '../../security/pii-crypto.js';

/** The actor of the sweep's events and audit entries. */
export const RETENTION_ACTOR = 'system';

export class ChainBrokenError extends Error {}

function clear(ring: KeyRing, stored: string | null): string | null {
  if (stored === null || !isEncrypted(stored)) return stored;
  try {
    return decryptField(ring, stored);
  } catch (err) {
    // a key no longer in the ring: the value cannot be looked for in the texts, the rules still find ID-like numbers
    if (err instanceof PiiDecryptError) return null;
    throw err;
  }
}

function label(policy: Policy, taxonomy: 'channels' | 'businessLines' | 'categories', code: string): string {
  const e = policy.taxonomies[taxonomy].find((x) => x.code === code);
  return e ? `${e.zh} ${e.en}` : code;
}

/** Redacts every event not redacted yet; returns the redacted seqs and the version-1 events as verified. */
async function redactChain(db: Database, complaintId: string, known: KnownPersonalData, now: Date) {
  const events = await listEvents(db, complaintId);
  const brk = findChainBreak(events, await complaintSaltOrNull(db, complaintId));
  // a broken chain is evidence of tampering: it is kept as it is and reported
  if (brk) throw new ChainBrokenError(`hash chain broken (${brk.kind}${'seq' in brk ? ` at event ${brk.seq}` : ''})`);
  const redactedSeqs: number[] = [];
  const v1Events: RecordedV1Event[] = [];
  for (const e of events) {
    if (e.redactedAt) continue;
    if ((e.hashVersion ?? 1) === 1) {
      v1Events.push({ seq: e.seq, hash: e.hash, type: e.type, actor: e.actor, occurredAt: e.occurredAt.toISOString() });
    }
    await redactEvent(db, e.id, anonymiseNullable(e.reason, known), anonymiseJson(e.payload, known), now);
    redactedSeqs.push(e.seq);
  }
  await deleteSalt(db, complaintId);
  return { redactedSeqs, v1Events };
}

/**
 * A stored special report about the complaint prints its findings and analysis in words: its texts
 * and figures go through the anonymiser and its PDF is drawn again from them.
 */
async function anonymiseReports(ctx: ServiceContext, db: Database, complaintId: string, known: KnownPersonalData): Promise<number> {
  const ids = await reportsAboutComplaint(db, complaintId);
  for (const id of ids) {
    const row = await findReport(db, id, true);
    if (!row?.figures) continue;
    const figures = anonymiseJson(row.figures, known) as unknown as ReportFigures;
    const texts = {
      title: anonymiseString(row.title, known),
      commentary: anonymiseNullable(row.commentary, known),
      recommendations: anonymiseNullable(row.recommendations, known),
    };
    const files = await renderReportFiles(figures, reportTexts(ctx, row, texts));
    await writeAnonymisedReport(db, id, { ...texts, figures, ...files });
  }
  return ids.length;
}

/** Anonymises one claimed complaint (db: the transaction that claimed it); the counts of what changed, per kind. */
export async function anonymiseComplaint(
  ctx: ServiceContext,
  db: Database,
  policy: Policy,
  complaintId: string,
  runId: string,
  now: Date,
): Promise<Record<string, number>> {
  const c = await complaintForAnonymisation(db, complaintId);
  const known = knownPersonalData({
    name: c.complainant_name,
    phone: c.complainant_phone,
    email: c.complainant_email,
    address: c.complainant_address,
    idNumber: clear(ctx.security.keyRing, c.complainant_id_number),
    account: clear(ctx.security.keyRing, c.complainant_account),
  });
  const { redactedSeqs, v1Events } = await redactChain(db, complaintId, known, now);

  const counts: Record<string, number> = { complaints: 1, events: redactedSeqs.length };
  const rewritten = await rewriteComplaintTables(db, complaintId, {
    text: (t) => anonymiseString(t, known),
    json: (v) => anonymiseJson(v, known),
  });
  Object.assign(counts, rewritten);
  counts['evidenceFiles'] = await eraseEvidence(db, complaintId, (name) => anonymiseFileName(name, known), now);
  counts['inboundMailSources'] = await eraseInboundMailSources(db, complaintId);
  counts['portalAccess'] = await deletePortalAccess(db, complaintId);
  await dropHotlineRecordings(db, complaintId);
  const mappings = Object.entries(IMPORT_MAPPING_SPECS)
    .filter(([, spec]) => spec.source === c.import_source)
    .map(([mapping]) => mapping);
  counts['importSourceChunks'] = await deleteImportSources(db, mappings);
  counts['reports'] = await anonymiseReports(ctx, db, complaintId, known);

  const description = anonymiseString(c.description, known);
  const requestedRemedy = anonymiseNullable(c.requested_remedy, known);
  const subjectParty = anonymiseNullable(c.subject_party, known);
  const callReference = anonymiseNullable(c.call_reference, known);
  await writeAnonymisedComplaint(
    db,
    complaintId,
    ANONYMISED_NAME,
    {
      description,
      requestedRemedy,
      subjectParty,
      callReference,
      majorReason: anonymiseNullable(c.major_reason, known),
      regulatorNamedReference: anonymiseNullable(c.regulator_named_reference, known),
      // the parts of searchText (domain/complaint/intake.ts), anonymised
      searchText: anonymisedSearchText([
        c.number,
        ANONYMISED_NAME,
        description,
        requestedRemedy,
        subjectParty,
        c.product,
        c.branch,
        callReference,
        label(policy, 'channels', c.channel),
        label(policy, 'businessLines', c.business_line),
        label(policy, 'categories', c.category),
      ]),
    },
    now,
  );

  await appendEvents(db, complaintId, [
    {
      type: 'retention_anonymised',
      actor: RETENTION_ACTOR,
      occurredAt: now,
      reason: null,
      payload: { runId, counts: { ...counts }, redactedSeqs, v1Events },
    },
  ]);
  return counts;
}
