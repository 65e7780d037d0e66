/**
 * Data subject access (PIPL art. 45; #15 item 4, R-H6): the administrator finds a person's
 * complaints by phone, ID number, e-mail or name (exact match on normalised values; a complaint
 * matches when any given identifier does) and exports all of them, or the chosen ones among the
 * matches, as one zip. The search shows masked data; both the search and the export are audited
 * (the export before its first byte: who, why, which complaints). Anonymised complaints are listed
 * and exported as anonymised.
 */
import type { Readable } from 'node:stream';
import { can, type Principal } from '../../domain/access/permissions.js';
import { normalizeEmail, normalizePhone } from '../../domain/complaint/contact.js';
import { DomainError } from '../../domain/errors.js';
import { maskEmail, maskIdNumber, maskPhone } from '../../domain/personal-data/masking.js';
import { localDate } from '../../domain/time/zoned.js';
import { findComplaintsByIds, findSubjectComplaints, type SubjectKeys } from '../../db/repositories/data-subject.repository.js';
import { complaintsHeld } from '../../db/repositories/legal-hold.repository.js';
import { keyedHash } from '../../security/pii-crypto.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { complainantOf } from '../complaints/personal-data.service.js';
import { complaintEntries, localStamp } from './subject-export-content.js';
import { zipStream, type ZipEntry } from './subject-export-zip.js';

export interface SubjectQuery {
  phone?: string | null;
  idNumber?: string | null;
  email?: string | null;
  name?: string | null;
}

type MatchField = 'phone' | 'idNumber' | 'email' | 'name';

export interface SubjectMatch {
  complaintId: string;
  number: string;
  status: string;
  businessLine: string;
  category: string;
  receivedAt: Date;
  closedAt: Date | null;
  complainantName: string;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
  matchedBy: MatchField[];
  anonymised: boolean;
  anonymisedAt: Date | null;
  held: boolean;
}

const present = (v: string | null | undefined): string | undefined => {
  const t = v?.normalize('NFKC').trim();
  return t ? t : undefined;
};

function keysOf(ctx: ServiceContext, q: SubjectQuery): { keys: SubjectKeys; given: MatchField[] } {
  const phone = present(q.phone);
  const email = present(q.email);
  const idNumber = present(q.idNumber);
  const name = present(q.name);
  const keys: SubjectKeys = {
    phone: phone ? normalizePhone(phone) || undefined : undefined,
    email: email ? normalizeEmail(email) : undefined,
    idNumberHash: idNumber ? keyedHash(ctx.security.keyRing, 'id_number', idNumber) : undefined,
    name,
  };
  const given: MatchField[] = [];
  if (keys.phone) given.push('phone');
  if (keys.idNumberHash) given.push('idNumber');
  if (keys.email) given.push('email');
  if (keys.name) given.push('name');
  if (given.length === 0) throw new DomainError('subject_query_empty');
  return { keys, given };
}

/** The query as the audit log keeps it: masked, never in clear. */
function maskedQuery(q: SubjectQuery) {
  return {
    phone: maskPhone(present(q.phone)),
    idNumber: maskIdNumber(present(q.idNumber)),
    email: maskEmail(present(q.email)),
    name: present(q.name) ?? null,
  };
}

function mustExport(p: Principal): void {
  if (!can(p, 'personal_data.export')) throw new DomainError('forbidden', { action: 'personal_data.export' });
}

async function matchesOf(ctx: ServiceContext, q: SubjectQuery): Promise<SubjectMatch[]> {
  const { keys, given } = keysOf(ctx, q);
  const rows = await findSubjectComplaints(ctx.db, keys);
  const held = await complaintsHeld(
    ctx.db,
    rows.map((r) => r.id),
    localDate(ctx.now(), ctx.timeZone),
  );
  const ring = ctx.security.keyRing;
  return rows.map((r) => {
    const matchedBy = given.filter((f) => {
      if (f === 'phone') return r.contact_keys.includes(`phone:${keys.phone}`) || normalizePhone(r.complainant_phone ?? '') === keys.phone;
      if (f === 'email') return r.contact_keys.includes(`email:${keys.email}`) || normalizeEmail(r.complainant_email ?? '') === keys.email;
      if (f === 'idNumber') return r.complainant_id_number_hash === keys.idNumberHash;
      return r.complainant_name.trim() === keys.name;
    });
    const clear = complainantOf(ring, r);
    return {
      complaintId: r.id,
      number: r.number,
      status: r.status,
      businessLine: r.business_line,
      category: r.category,
      receivedAt: r.received_at,
      closedAt: r.closed_at,
      complainantName: r.complainant_name,
      phone: maskPhone(clear.phone),
      email: maskEmail(clear.email),
      idNumber: maskIdNumber(clear.idNumber),
      matchedBy,
      anonymised: r.anonymised_at !== null,
      anonymisedAt: r.anonymised_at,
      held: held.has(r.id),
    };
  });
}

/** POST /api/personal-data/search: the person's complaints, masked; audited with the masked query and the numbers. */
export async function searchSubject(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  q: SubjectQuery,
): Promise<{ total: number; items: SubjectMatch[] }> {
  mustExport(p);
  const items = await matchesOf(ctx, q);
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: 'personal_data.search',
    outcome: 'success',
    targetType: 'data_subject',
    details: { query: maskedQuery(q), total: items.length, numbers: items.map((i) => i.number) },
  });
  return { total: items.length, items };
}

export interface SubjectExport {
  fileName: string;
  count: number;
  stream: Readable;
}

/**
 * POST /api/personal-data/export: the zip of the person's complaints (those of `complaintIds`
 * among the matches, or all). Audited before the first byte; then streamed a complaint at a time.
 */
export async function exportSubject(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  input: SubjectQuery & { reason: string; includeFiles: boolean; complaintIds?: readonly string[] | null },
): Promise<SubjectExport> {
  mustExport(p);
  const matches = await matchesOf(ctx, input);
  const wanted = input.complaintIds ? new Set(input.complaintIds) : null;
  // only matches can be exported: an id that is not one is ignored, never read
  const chosen = wanted ? matches.filter((m) => wanted.has(m.complaintId)) : matches;
  const now = ctx.now();
  await audit(ctx.db, meta, {
    at: now,
    actor: p.username,
    action: 'personal_data.export',
    outcome: 'success',
    targetType: 'data_subject',
    details: {
      reason: input.reason,
      query: maskedQuery(input),
      includeFiles: input.includeFiles,
      numbers: chosen.map((m) => m.number),
      complaintIds: chosen.map((m) => m.complaintId),
    },
  });
  const ids = chosen.map((m) => m.complaintId);
  const stamp = localStamp(now, ctx.timeZone);
  const index = {
    generatedAt: stamp,
    generatedBy: p.username,
    reason: input.reason,
    query: maskedQuery(input),
    complaints: chosen.map((m) => ({
      number: m.number,
      status: m.status,
      matchedBy: m.matchedBy,
      anonymised: m.anonymised,
      anonymisedAt: m.anonymisedAt ? localStamp(m.anonymisedAt, ctx.timeZone) : null,
      legalHold: m.held,
    })),
  };
  const db = ctx.db;
  const ring = ctx.security.keyRing;
  const timeZone = ctx.timeZone;
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: 'index.json', source: `${JSON.stringify(index, null, 2)}\n` };
    yield { name: 'README.txt', source: readme(stamp, chosen.length) };
    // one complaint read at a time, in batches of ids
    for (let i = 0; i < ids.length; i += 20) {
      for (const c of await findComplaintsByIds(db, ids.slice(i, i + 20))) {
        yield* complaintEntries(db, ring, c, { timeZone, includeFiles: input.includeFiles });
      }
    }
  }
  const wall = new Date(`${stamp.replace(' ', 'T')}Z`);
  const day = localDate(now, timeZone).replace(/-/g, '');
  return { fileName: `personal-data-${day}.zip`, count: chosen.length, stream: zipStream(entries(), wall) };
}

function readme(stamp: string, count: number): string {
  return [
    `个人信息查询导出（${stamp}），共 ${count} 件投诉。`,
    '每件投诉一个文件夹（以投诉编号命名）：complaint.json 投诉信息，timeline.txt 处理记录，correspondence.txt 往来通信，files.csv 文件清单（files/ 下为文件本身，如已选择）。',
    '已匿名化的投诉在 index.json 中标注 anonymised，其个人信息已被替换。',
    '',
    `Personal data export (${stamp}), ${count} complaint(s).`,
    'One folder per complaint, named by its number: complaint.json the record, timeline.txt the history, correspondence.txt the messages, files.csv the stored files (files/ holds them when chosen).',
    'Anonymised complaints are marked anonymised in index.json; their personal data has been replaced.',
    '',
  ].join('\r\n');
}
