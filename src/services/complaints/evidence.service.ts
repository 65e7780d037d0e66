/**
 * Evidence uploads (R-D1, issue #9 item 8): the checks that can be made before the bytes are read
 * (the complaint is in the user's scope and takes evidence in its current status), and the action
 * itself once the upload is staged on disk.
 */
import type { Principal } from '../../domain/access/permissions.js';
import { can } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { ValidationError } from '../../domain/validation.js';
import { decide } from '../../domain/workflow/decide.js';
import { TRANSITIONS } from '../../domain/workflow/transitions.js';
import { assertMayHandle, complaintInScope } from './complaint-access.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { currentPolicy } from '../administration/policy.service.js';
import { addEvidence, evidenceFields, type StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';
import { limitsOf, performAction, workflowState } from '../workflow/workflow.service.js';

/**
 * Refuses before the upload what the action would refuse after it: a complaint outside the scope
 * (404) or in a status that takes no evidence (409), so nobody uploads 50 MB to be told so.
 * The action checks again, under its lock.
 */
export async function checkEvidenceAllowed(ctx: ServiceContext, p: Principal, idOrNumber: string): Promise<void> {
  const rule = TRANSITIONS.add_evidence;
  if (!can(p, rule.permission)) throw new DomainError('forbidden', { action: rule.permission });
  const c = await complaintInScope(ctx.db, p, idOrNumber);
  await assertMayHandle(ctx.db, p, rule.permission, c);
  const { policy } = await currentPolicy(ctx.db);
  decide('add_evidence', await workflowState(ctx.db, c, policy), {}, limitsOf(policy));
}

/** The form's text fields checked like a JSON body: each problem names its field. */
function parseFields(fields: Record<string, string>) {
  const parsed = evidenceFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((i) => {
      const field = i.path.map(String).join('.') || 'body';
      if (fields[field] === undefined && i.path.length > 0) return { field, code: 'required' };
      const params: Record<string, string | number> = {};
      if ('minimum' in i && typeof i.minimum === 'number') params.minimum = i.minimum;
      if ('maximum' in i && typeof i.maximum === 'number') params.maximum = i.maximum;
      if ('origin' in i && typeof i.origin === 'string') params.origin = i.origin;
      if ('values' in i && Array.isArray(i.values)) params.values = i.values.map(String).join(', ');
      return { field, code: i.code, params };
    }),
  );
}

/** Adds the evidence with its staged file (if any) in one transaction; returns the complaint id. */
export async function addEvidenceUpload(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  idOrNumber: string,
  fields: Record<string, string>,
  file: StagedEvidenceFile | null,
): Promise<string> {
  const body = parseFields(fields);
  return performAction(ctx, meta, p, idOrNumber, addEvidence, { ...body, ...(file ? { file } : {}) });
}
