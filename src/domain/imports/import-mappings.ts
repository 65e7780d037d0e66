/** The shipped column mappings (R-H7) and what every mapping shares: the header and the row's shape. */
import type { ImportMapping } from '../codes.js';
import { cfpbMapping } from './cfpb-mapping.js';
import type { ImportMappingSpec, ImportRowIssue, MappedRow } from './import-row.js';
import { tdiMapping } from './tdi-mapping.js';

export const IMPORT_MAPPING_SPECS: Readonly<Record<ImportMapping, ImportMappingSpec>> = { tdi: tdiMapping, cfpb: cfpbMapping };

/** The header as the file has it (trimmed), and the required columns it lacks. */
export function checkHeader(spec: ImportMappingSpec, fields: readonly string[]): { header: string[]; missing: string[] } {
  const header = fields.map((f) => f.trim());
  const present = new Set(header);
  return { header, missing: spec.requiredColumns.filter((c) => !present.has(c)) };
}

/**
 * One data row mapped: the cells named by the header (a row with another number of cells is
 * refused: its values could be under the wrong columns), then the mapping.
 */
export function mapRow(spec: ImportMappingSpec, header: readonly string[], fields: readonly string[], today: string): MappedRow {
  if (fields.length !== header.length) {
    const idAt = header.indexOf(spec.idColumn);
    const issue: ImportRowIssue = { column: null, problem: 'column_count', params: { expected: header.length, found: fields.length } };
    return { ok: false, sourceId: idAt >= 0 ? (fields[idAt]?.trim() ?? null) || null : null, issues: [issue] };
  }
  const row: Record<string, string> = {};
  header.forEach((column, i) => {
    if (column !== '' && !(column in row)) row[column] = fields[i] ?? '';
  });
  return spec.map(row, today);
}
