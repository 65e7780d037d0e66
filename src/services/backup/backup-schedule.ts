/**
 * Scheduled backups (#16 item 7): the `backup.scheduled` job (daily 02:30 company time, run once
 * across instances by the job runner) writes a backup into BACKUP_DIR/backup-<UTC time> and keeps
 * the newest BACKUP_KEEP. A backup is written under a `.partial` name and renamed when its manifest
 * is written, so an interrupted one is never counted (and is removed by the next run).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from './backup-manifest.js';
import { createBackup, type BackupKeySource, type BackupSummary } from './backup.service.js';

export interface BackupSchedule {
  url: string;
  embedded: boolean;
  dir: string;
  keep: number;
  keys: BackupKeySource | null;
}

const NAME = /^backup-\d{8}-\d{6}$/;

export function backupName(now: Date): string {
  return `backup-${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;
}

/** Finished backups in `dir`, newest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => NAME.test(n) && existsSync(path.join(dir, n, MANIFEST_FILE)))
    .sort()
    .reverse();
}

export interface ScheduledBackupResult {
  summary: BackupSummary;
  removed: string[];
}

export async function runScheduledBackup(s: BackupSchedule, now: Date): Promise<ScheduledBackupResult> {
  mkdirSync(s.dir, { recursive: true });
  // leftovers of an interrupted run (the job is run by one instance at a time)
  for (const n of readdirSync(s.dir)) if (n.endsWith('.partial')) rmSync(path.join(s.dir, n), { recursive: true, force: true });
  const name = backupName(now);
  const partial = path.join(s.dir, `${name}.partial`);
  // keys stay out of scheduled backups: they sit next to secrets.json, and copies taken off the machine must not carry them
  const summary = await createBackup({ url: s.url, embedded: s.embedded, out: partial, keys: s.keys, includeKeys: false });
  const final = path.join(s.dir, name);
  renameSync(partial, final);
  const removed = listBackups(s.dir).slice(s.keep);
  for (const n of removed) rmSync(path.join(s.dir, n), { recursive: true, force: true });
  return { summary: { ...summary, dir: final }, removed };
}
