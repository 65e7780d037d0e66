/**
 * What the data subject's export holds for one complaint (#15 item 4, PIPL art. 45): the record
 * with the personal data in clear (it is the subject's own), the timeline and the correspondence as
 * plain text, the list of stored files, and optionally the files. Read one complaint at a time,
 * files a chunk at a time, so the export's memory does not grow with its size.
 */
import type { Selectable } from 'kysely';
import type { KeyRing } from '../../security/pii-crypto.js';
import { localDate, localParts } from '../../domain/time/zoned.js';
import type { Database } from '../../db/database.js';
import type { ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { listEventsOf, listFilesOf, type StoredFileRow } from '../../db/repositories/data-subject.repository.js';
import { listComplainantMessages, listRecordsOfKinds } from '../../db/repositories/correspondence.repository.js';
import { evidenceFileStream } from '../../db/repositories/evidence.repository.js';
import type { ComplaintEventsTable } from '../../db/schema.js';
import { complainantOf } from '../complaints/personal-data.service.js';
import type { ZipEntry } from './subject-export-zip.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date and time of the company: 2026-11-25 10:20:30. */
export function localStamp(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${localDate(at, timeZone)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** A name safe in a zip path: no separators, control characters or leading dots; at most 120 characters. */
export function safeName(name: string): string {
  const cleaned = Array.from(name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_'))
    .slice(0, 120)
    .join('');
  return cleaned === '' ? '_' : cleaned;
}

export function complaintDocument(ring: KeyRing, c: ComplaintRecord, timeZone: string) {
  const stamp = (d: Date | null) => (d ? localStamp(d, timeZone) : null);
  return {
    number: c.number,
    status: c.status,
    anonymised: c.anonymised_at !== null,
    anonymisedAt: stamp(c.anonymised_at),
    channel: c.channel,
    businessLine: c.business_line,
    category: c.category,
    product: c.product,
    description: c.description,
    requestedRemedy: c.requested_remedy,
    amount: c.amount,
    receivedAt: stamp(c.received_at),
    registeredAt: stamp(c.registered_at),
    closedAt: stamp(c.closed_at),
    outcome: c.outcome,
    level: c.level,
    urgent: c.urgent,
    complainant: complainantOf(ring, c),
    jointComplainants: c.joint_complainants,
  };
}

function eventText(e: Selectable<ComplaintEventsTable>, timeZone: string): string {
  const head = `[${localStamp(e.occurred_at, timeZone)}] #${e.seq} ${e.type} · ${e.actor}`;
  if (e.redacted_at !== null) return `${head}\n  (内容已匿名化 / content anonymised)\n`;
  const reason = e.reason ? `\n  原因 / reason: ${e.reason}` : '';
  return `${head}${reason}\n  ${JSON.stringify(e.payload)}\n`;
}

async function timelineText(db: Database, c: ComplaintRecord, timeZone: string): Promise<string> {
  const events = await listEventsOf(db, c.id);
  const head = `投诉 ${c.number} 的处理记录 / Timeline of complaint ${c.number}（${events.length}）\n\n`;
  return head + events.map((e) => eventText(e, timeZone)).join('\n');
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

async function correspondenceText(db: Database, c: ComplaintRecord, timeZone: string): Promise<string> {
  const [inbound, outbound] = await Promise.all([listRecordsOfKinds(db, c.id, ['correspondence']), listComplainantMessages(db, c.id)]);
  const items = [
    ...inbound.map((r) => ({
      at: r.created_at,
      line: `收到 / received · ${text(r.data.channel) || 'letter'}${text(r.data.from) ? ` · ${text(r.data.from)}` : ''}`,
      subject: text(r.data.subject),
      body: text(r.data.text),
    })),
    ...outbound
      .filter((m) => m.channel !== 'webhook')
      .map((m) => ({
        at: m.created_at,
        line: `发出 / sent · ${m.channel} · ${m.recipient_label} · ${m.purpose} · ${m.status}`,
        subject: m.subject ?? '',
        body: m.body ?? `[${m.template}]`,
      })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const head = `投诉 ${c.number} 的往来通信 / Correspondence of complaint ${c.number}（${items.length}）\n\n`;
  return (
    head +
    items
      .map((i) => `[${localStamp(i.at, timeZone)}] ${i.line}${i.subject ? `\n  主题 / subject: ${i.subject}` : ''}\n${i.body}\n`)
      .join('\n')
  );
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function fileListCsv(files: readonly StoredFileRow[], timeZone: string): string {
  const rows = [['name', 'content_type', 'size', 'sha256', 'stored_at', 'erased']];
  for (const f of files) {
    rows.push([f.name, f.content_type, String(f.size), f.sha256, localStamp(f.created_at, timeZone), f.erased_at ? 'yes' : 'no']);
  }
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The zip entries of one complaint, under a folder named by its number. */
export async function* complaintEntries(
  db: Database,
  ring: KeyRing,
  c: ComplaintRecord,
  o: { timeZone: string; includeFiles: boolean },
): AsyncGenerator<ZipEntry> {
  const dir = safeName(c.number);
  yield { name: `${dir}/complaint.json`, source: `${JSON.stringify(complaintDocument(ring, c, o.timeZone), null, 2)}\n` };
  yield { name: `${dir}/timeline.txt`, source: await timelineText(db, c, o.timeZone) };
  yield { name: `${dir}/correspondence.txt`, source: await correspondenceText(db, c, o.timeZone) };
  const files = await listFilesOf(db, c.id);
  yield { name: `${dir}/files.csv`, source: fileListCsv(files, o.timeZone) };
  if (!o.includeFiles) return;
  for (const f of files) {
    if (f.erased_at !== null) continue;
    yield { name: `${dir}/files/${f.id.slice(0, 8)}-${safeName(f.name)}`, source: evidenceFileStream(db, f.id) };
  }
}
