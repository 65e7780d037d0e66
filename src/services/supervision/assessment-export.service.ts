/** An assessment's workbook (#14 item 5, R-E6): what the reader may see of it, the export audited (`assessment.export`). */
import { scopeFilter, type Principal } from '../../domain/access/permissions.js';
import { assessmentLineNumbers } from '../../db/repositories/assessment.repository.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { assessmentSnapshot } from './assessment-read.service.js';
import { renderAssessmentXlsx, type LineNumbers } from './assessment-xlsx.js';

export async function exportAssessmentXlsx(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  id: string,
): Promise<{ filename: string; bytes: Buffer }> {
  const a = await assessmentSnapshot(ctx, p, id);
  const rows = await assessmentLineNumbers(
    ctx.db,
    id,
    a.subjects.map((s) => s.seq),
    scopeFilter(p),
  );
  const lines = new Map<string, LineNumbers>();
  for (const r of rows) {
    const key = `${r.subject_seq}:${r.code}`;
    let l = lines.get(key);
    if (!l) lines.set(key, (l = { seq: r.subject_seq, code: r.code, numbers: [] }));
    l.numbers.push({ number: r.number, counted: r.counted });
  }
  const bytes = await renderAssessmentXlsx(a, [...lines.values()], ctx.timeZone);
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: 'assessment.export',
    outcome: 'success',
    targetType: 'assessment',
    targetId: id,
    details: { period: a.period, format: 'xlsx', subjects: a.subjects.length },
  });
  const scope = a.department ? a.department.name.en.replace(/[^A-Za-z0-9]+/g, '-') : 'company';
  return { filename: `assessment-${a.period}-${scope}.xlsx`, bytes };
}
