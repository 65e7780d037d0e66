/** Request and response schemas of the historical import (#13 item 7, R-H7). */
import { z } from 'zod';
import { IMPORT_MAPPINGS, IMPORT_STATUSES } from '../../domain/codes.js';

export const importRunParams = z.strictObject({ id: z.uuid() });

export const importMapping = z.enum(IMPORT_MAPPINGS);

/** The text fields of the upload form (multipart): `mapping`, `dryRun`, and the `file` part. */
export const importUploadFields = z.strictObject({
  mapping: importMapping.describe('the column mapping: tdi (Texas Department of Insurance) or cfpb (CFPB consumer complaints)'),
  dryRun: z.enum(['true', 'false']).default('true').describe('true: validate every row and report, write nothing'),
});

export const importRun = z.object({
  id: z.uuid(),
  mapping: importMapping,
  fileName: z.string(),
  fileSize: z.number().int(),
  dryRun: z.boolean(),
  status: z.enum(IMPORT_STATUSES),
  fromRunId: z.uuid().nullable().describe('the dry run this run carries out'),
  carriedOutBy: z.uuid().nullable().describe('the real run made from this dry run'),
  rowsRead: z.number().int(),
  rowsValid: z.number().int().describe('rows that map and pass every check'),
  rowsImported: z.number().int(),
  rowsSkipped: z.number().int().describe('imported by an earlier run (same source and id): skipped'),
  rowsFailed: z.number().int().describe('rows refused; see the error report'),
  rowsClosed: z.number().int().describe('valid rows closed at the source (imported closed, no clocks)'),
  rowsOpen: z.number().int().describe('valid rows still open at the source (clocks planned from the receipt)'),
  progress: z.number().min(0).max(1).describe('share of the file read'),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const importRunList = z.object({ items: z.array(importRun) });
