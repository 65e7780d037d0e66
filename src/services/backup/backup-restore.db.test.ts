/**
 * The restore drill (#16 item 7): complaints with events, evidence bytes and clocks made through the
 * real services; a backup taken while intake goes on; restored into a NEW database and compared:
 * every complaint, event (the hash chains verify), evidence file (sha256 of the bytes) and clock,
 * row counts equal to the manifest, and the restored system registers the next complaint.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createDatabase, withDatabaseName, type Database } from '../../db/database.js';
import { createEmptyDatabase, databaseExists, dropDatabase } from '../../db/backup/database-admin.js';
import { countRows } from '../../db/backup/snapshot-load.js';
import { evidenceFileStream } from '../../db/repositories/evidence.repository.js';
import { parseKeyRing } from '../../security/pii-crypto.js';
import type { IntakeInput } from '../../domain/complaint/intake.js';
import { registerFromChannel, stageBuffer } from '../complaints/channel-intake.service.js';
import { verifyLedger } from '../complaints/ledger-verify.service.js';
import { BackupRefused, readManifest } from './backup-manifest.js';
import { createBackup, type BackupKeySource } from './backup.service.js';
import { decideKeys, openBackup, restoreInto } from './restore.service.js';
import { listBackups, runScheduledBackup } from './backup-schedule.js';
import { TEST_KEYS } from '../../../test/test-constants.js';
import { startJobRunner } from '../../jobs/job-runner.js';
import { buildTransports } from '../channels/transports/index.js';

let t: TestApp;
let work: string;
const created: string[] = [];
const keys: BackupKeySource = { ring: parseKeyRing(TEST_KEYS), spec: { encryptionKeys: TEST_KEYS }, source: 'environment' };

beforeAll(async () => {
  t = await createTestApp();
  work = mkdtempSync(path.join(tmpdir(), 'backup-drill-'));
});
afterAll(async () => {
  await t.close();
  for (const name of created) await dropDatabase(t.url, name);
  rmSync(work, { recursive: true, force: true });
});

function input(i: number): IntakeInput {
  return {
    channel: 'web',
    businessLine: 'property_casualty',
    category: 'claims_dispute',
    description: `理赔款迟迟未到账 ${i}。`,
    urgent: false,
    riskFlags: [],
    jointComplainants: 1,
    complainant: {
      name: `客户${i}`,
      phone: `1380000${String(1000 + i)}`,
      idType: 'id_card',
      idNumber: `11010119900307${String(1000 + i)}`,
    },
  };
}

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function register(i: number, bytes?: Buffer): Promise<string> {
  const staged = bytes ? await stageBuffer(bytes, `现场照片${i}.png`, 'image/png') : null;
  try {
    return (await registerFromChannel(t.ctx, { input: input(i), files: staged ? [staged.file] : [], by: 'portal' })).complaintId;
  } finally {
    await staged?.cleanup();
  }
}

async function fileHash(db: Database, id: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of evidenceFileStream(db, id)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Everything the drill compares of one set of complaints, in a stable order. */
async function picture(db: Database, ids: string[]) {
  const complaints = await db.selectFrom('complaints').selectAll().where('id', 'in', ids).orderBy('id').execute();
  const events = await db
    .selectFrom('complaint_events')
    .selectAll()
    .where('complaint_id', 'in', ids)
    .orderBy('complaint_id')
    .orderBy('seq')
    .execute();
  const clocks = await db.selectFrom('complaint_clocks').selectAll().where('complaint_id', 'in', ids).orderBy('id').execute();
  const files = await db
    .selectFrom('evidence_files')
    .select(['id', 'complaint_id', 'name', 'sha256', 'size'])
    .where('complaint_id', 'in', ids)
    .orderBy('id')
    .execute();
  const bytes = await Promise.all(files.map(async (f) => ({ id: f.id, sha256: await fileHash(db, f.id) })));
  const facts = await db.selectFrom('complaint_facts').selectAll().where('id', 'in', ids).orderBy('id').execute();
  return { complaints, events, clocks, files, bytes, facts };
}

describe('backup and restore drill (#16 item 7)', () => {
  it('restores into a new database every complaint, event, evidence file and clock of one consistent snapshot taken during intake', async () => {
    // 2.5 MiB spans three 1 MiB chunks; random bytes do not compress
    const sizes = [300, 2.5 * 1024 * 1024, 70_000];
    const before: string[] = [];
    for (let i = 0; i < 9; i++) before.push(await register(i, i < 3 ? Buffer.concat([PNG_HEAD, randomBytes(sizes[i] ?? 100)]) : undefined));

    // intake goes on while the backup runs: one registration between two tables (deterministic), others alongside
    const during: string[] = [];
    // registered between the snapshot's first two tables: after the snapshot began, so not in it
    let between: string | undefined;
    let stop = false;
    const alongside = (async () => {
      for (let i = 100; !stop && i < 140; i++) during.push(await register(i));
    })();
    const out = path.join(work, 'drill');
    let tablesSeen = 0;
    const summary = await createBackup({
      url: t.url,
      embedded: true,
      out,
      keys,
      includeKeys: false,
      onTable: async () => {
        if (++tablesSeen === 1) {
          between = await register(200, Buffer.concat([PNG_HEAD, randomBytes(5000)]));
          during.push(between);
        }
      },
    });
    stop = true;
    await alongside;
    expect(during.length).toBeGreaterThan(0);
    expect(summary.undecryptable).toEqual([]);
    const manifest = readManifest(out);
    expect(manifest.keys.included).toBe(false);
    expect(manifest.keys.samples.length).toBeGreaterThan(0);
    expect(readdirSync(out)).not.toContain('keys.json');

    // restore into a new database on the same server
    const backup = await openBackup(out);
    expect(decideKeys(backup, { ring: keys.ring, source: 'ENCRYPTION_KEYS' })).toMatchObject({ kind: 'ok' });
    const name = `${t.name}_r`;
    created.push(name);
    await createEmptyDatabase(t.url, name);
    const url = withDatabaseName(t.url, name);
    const report = await restoreInto(backup, { url });
    expect(report.mismatched).toEqual([]);
    expect(report.ledger.broken).toEqual([]);
    // files that came with the complaint are named by its attachments_received event (checked against the chain)
    expect(report.evidence).toMatchObject({ files: 3, changed: 0, unrecorded: 0 });
    expect(report.warnings).toEqual([]);
    expect(report.jobsLoaded).toBe(true);
    expect(report.ok).toBe(true);

    const restored = createDatabase(url, 2);
    try {
      // row counts of every table equal the manifest's
      const counts = await countRows(url, manifest.tables);
      for (const table of manifest.tables)
        expect(counts.get(`${table.schema}.${table.name}`), `${table.schema}.${table.name}`).toBe(table.rows);

      // the snapshot: every complaint registered before is there; the one registered between two tables is not
      const ids = (await restored.selectFrom('complaints').select('id').execute()).map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining(before));
      expect(between).toBeDefined();
      expect(ids).not.toContain(between);
      const inSnapshot = ids.filter((id) => during.includes(id));
      // whatever part of the alongside intake is in the snapshot, it is there whole (events, clocks, facts)
      const original = await picture(t.db, ids);
      const copy = await picture(restored, ids);
      expect(copy).toEqual(original);
      expect(copy.files).toHaveLength(3);
      for (const f of copy.bytes) expect(f.sha256).toBe(copy.files.find((x) => x.id === f.id)?.sha256);
      expect(copy.events.length).toBeGreaterThan(ids.length);
      expect(copy.clocks.length).toBeGreaterThan(0);
      expect(new Set(copy.facts.map((f) => f.id))).toEqual(new Set(ids));
      expect(inSnapshot.length + before.length).toBe(ids.length);
      // verify-ledger on the restored system
      expect((await verifyLedger(restored)).broken).toEqual([]);

      // the restored system works: the next registration gets a number no complaint has
      const next = await registerFromChannel({ ...t.ctx, db: restored }, { input: input(300), files: [], by: 'portal' });
      const numbers = (await restored.selectFrom('complaints').select('number').execute()).map((r) => r.number);
      expect(numbers.filter((n) => n === next.number)).toHaveLength(1);
    } finally {
      await restored.destroy();
    }
  });

  it('refuses a damaged file before anything is written, and a key ring that cannot decrypt the data', async () => {
    const out = path.join(work, 'damaged');
    await createBackup({ url: t.url, embedded: true, out, keys, includeKeys: true });
    const manifest = readManifest(out);
    expect(manifest.keys.included).toBe(true);

    // keys: another ring is refused; none configured installs the backup's own; without keys.json none is refused
    const intact = await openBackup(out);
    const other = parseKeyRing('k1:HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4=');
    expect(decideKeys(intact, { ring: other, source: 'ENCRYPTION_KEYS' })).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('keys.json'),
    });
    expect(decideKeys(intact, null)).toMatchObject({ kind: 'install', keys: { encryptionKeys: TEST_KEYS } });
    expect(decideKeys({ ...intact, keys: null }, null)).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('--include-keys'),
    });

    // one byte changed in the complaints' file
    const copy = path.join(work, 'damaged-copy');
    cpSync(out, copy, { recursive: true });
    const table = manifest.tables.find((x) => x.name === 'complaints');
    const file = path.join(copy, table?.file ?? '');
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const refused = await openBackup(copy).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(BackupRefused);
    expect((refused as BackupRefused).problems).toEqual([expect.stringContaining('tables/public.complaints.copy.gz is damaged')]);
  });

  it('keeps the newest BACKUP_KEEP scheduled backups, and none that did not finish', async () => {
    const dir = path.join(work, 'scheduled');
    const s = { url: t.url, embedded: true, dir, keep: 2, keys };
    const first = await runScheduledBackup(s, new Date('2026-11-25T18:30:00Z'));
    await runScheduledBackup(s, new Date('2026-11-26T18:30:00Z'));
    const third = await runScheduledBackup(s, new Date('2026-11-27T18:30:00Z'));
    expect(listBackups(dir)).toEqual(['backup-20261127-183000', 'backup-20261126-183000']);
    expect(third.removed).toEqual(['backup-20261125-183000']);
    expect(first.summary.manifest.keys.included).toBe(false);
    expect(await databaseExists(t.url, t.name)).toBe(true);
  });

  it('the job runner schedules backup.scheduled daily at 02:30 company time and its job writes a backup', async () => {
    const dir = path.join(work, 'by-job');
    const transports = buildTransports(t.ctx);
    const runner = await startJobRunner(t.ctx, {
      transports,
      pollSeconds: 0.5,
      backup: { url: t.url, embedded: true, dir, keep: 3, keys },
      log: { info: () => undefined, error: () => undefined },
    });
    try {
      const schedule = await runner.boss.getSchedules();
      expect(schedule.find((x) => x.name === 'backup.scheduled')).toMatchObject({ cron: '30 2 * * *', options: { tz: 'Asia/Shanghai' } });
      await runner.boss.send('backup.scheduled', {});
      for (let i = 0; i < 60 && listBackups(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 250));
      expect(listBackups(dir)).toEqual(['backup-20261125-020000']);
    } finally {
      await runner.stop();
      transports.email.close?.();
    }
  });
});
