import type { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { policySchema, type Policy } from '../../domain/policy/policy.schema.js';
import { ValidationError, type FieldIssue } from '../../domain/validation.js';
import type { Database } from '../../db/database.js';
import {
  findCurrentPolicy,
  findPolicyVersion,
  insertPolicyVersion,
  listPolicyVersions,
  lockPolicyPublication,
} from '../../db/repositories/policy.repository.js';
import { replanOpenClocks } from '../workflow/clock-replan.service.js';
import { audit } from './audit.service.js';
import type { Actor, RequestMeta, ServiceContext } from '../context.js';

export interface PolicyVersion {
  version: number;
  policy: Policy;
  createdAt: Date;
  createdBy: string;
  reason: string | null;
}

/** The policy in force. The reference seed guarantees version 1 exists. */
export async function currentPolicy(db: Database): Promise<PolicyVersion> {
  const row = await findCurrentPolicy(db);
  if (!row) throw new DomainError('policy_version_not_found');
  return {
    version: row.version,
    policy: policySchema.parse(row.document),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    reason: row.reason,
  };
}

export async function policyVersion(db: Database, version: number): Promise<PolicyVersion> {
  const row = await findPolicyVersion(db, version);
  if (!row) throw new DomainError('policy_version_not_found', { version });
  return {
    version: row.version,
    policy: policySchema.parse(row.document),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    reason: row.reason,
  };
}

export function policyVersions(db: Database) {
  return listPolicyVersions(db);
}

/** Validates a full policy document; zod issues become field issues named by their path. */
export function validatePolicy(input: unknown): Policy {
  const parsed = policySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(parsed.error.issues.map((i) => issueToField(i, 'policy')));
}

export function issueToField(issue: z.core.$ZodIssue, prefix: string): FieldIssue {
  const path = issue.path.map(String).join('.');
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(issue)) {
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    else if (typeof v === 'boolean')
      params[k] = String(v); // e.g. inclusive: false for .positive()
    else if (Array.isArray(v)) params[k] = v.map(String).join(', ');
  }
  const code = issue.code === 'custom' ? 'invalid_policy' : issue.code;
  return { field: path ? `${prefix}.${path}` : prefix, code, params };
}

/**
 * PUT /api/policy: a new version; old versions stay readable; nothing is overwritten. Open clocks
 * are then re-planned with the new numbers, each change recorded on its complaint.
 */
export async function publishPolicy(
  ctx: ServiceContext,
  actor: Actor,
  input: unknown,
  reason: string | null,
  meta: RequestMeta,
): Promise<PolicyVersion & { replanned: number }> {
  const policy = validatePolicy(input);
  const published = await ctx.db.transaction().execute(async (trx) => {
    // serialise publishers so version numbers are gap-free and never collide
    await lockPolicyPublication(trx);
    const current = await findCurrentPolicy(trx);
    const version = (current?.version ?? 0) + 1;
    const createdAt = ctx.now();
    await insertPolicyVersion(trx, { version, document: policy, createdBy: actor.id, reason, createdAt });
    // an administrative change (R-H1): in the audit log with the version it replaces
    await audit(trx, meta, {
      at: createdAt,
      actor: actor.id,
      action: 'policy.publish',
      outcome: 'success',
      targetType: 'policy_version',
      targetId: String(version),
      details: { version, previous: current?.version ?? null, reason },
    });
    return { version, policy, createdAt, createdBy: actor.id, reason };
  });
  const { replanned } = await replanOpenClocks(ctx, actor, { kind: 'policy_changed', version: published.version, policy });
  return { ...published, replanned };
}
