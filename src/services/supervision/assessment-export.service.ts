/**
 * An assessment's workbook (#14 item 5, R-E6): what the reader may see of it, the export audited
 * (`assessment.export`) before the first byte. Streamed (#16 item 5): the complaint numbers behind
 * each line are read a keyset page at a time while the workbook is written.
 */
import type { Readable } from 'node:stream';
import { scopeFilter, type Principal } from '../../domain/access/permissions.js';
import { assessmentLineNumbersPage } from '../../db/repositories/assessment-numbers.repository.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { streamOut } from '../xlsx-stream.js';
import { assessmentSnapshot } from './assessment-read.service.js';
import { renderAssessmentXlsx, type LineNumbers } from './assessment-xlsx.js';

const PAGE = 5000;

export async function exportAssessmentXlsx(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  id: string,
  pageSize = PAGE,
): Promise<{ filename: string; stream: Readable }> {
  const a = await assessmentSnapshot(ctx, p, id);
  const scope = scopeFilter(p);
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: 'assessment.export',
    outcome: 'success',
    targetType: 'assessment',
    targetId: id,
    details: { period: a.period, format: 'xlsx', subjects: a.subjects.length },
  });

  // every line of the subjects shown, in the order of the lines sheet, a page of numbers at a time
  async function* numbers(): AsyncGenerator<LineNumbers> {
    for (const s of a.subjects) {
      for (const { code } of s.lines) {
        let after: string | null = null;
        for (;;) {
          const page = await assessmentLineNumbersPage(ctx.db, { assessmentId: id, seq: s.seq, code }, scope, after, pageSize);
          const last = page[page.length - 1];
          if (last) yield { seq: s.seq, code, numbers: page };
          if (!last || page.length < pageSize) break;
          after = last.number;
        }
      }
    }
  }

  const stream = streamOut((out) => renderAssessmentXlsx(a, numbers(), ctx.timeZone, out));
  const name = a.department ? a.department.name.en.replace(/[^A-Za-z0-9]+/g, '-') : 'company';
  return { filename: `assessment-${a.period}-${name}.xlsx`, stream };
}
