import type { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { policySchema, type Policy } from '../../domain/policy/policy.schema.js';
import { ValidationError, type FieldIssue } from '../../domain/validation.js';
import type { Database } from '../../db/database.js';
import {
  findCurrentPolicy,
  findPolicyHead,
  findPolicyVersion,
  insertPolicyVersion,
  listPolicyVersions,
  lockPolicyPublication,
  type PolicyVersionRow,
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

/**
 * Parsed policy versions (#16: intake read and parsed the document several times per complaint). A
 * stored version never changes, so an entry is valid for as long as the process lives; the key holds
 * the version's creation time and author as well, so databases that each have their own version 1
 * (one per test file) do not share an entry. The policies are frozen: nobody may change a cached one.
 */
const parsed = new Map<string, PolicyVersion>();
const MAX_CACHED = 64;

function cacheKey(row: { version: number; createdAt: Date; createdBy: string }): string {
  return `${row.version}|${row.createdAt.toISOString()}|${row.createdBy}`;
}

function remember(row: PolicyVersionRow): PolicyVersion {
  const entry: PolicyVersion = {
    version: row.version,
    policy: deepFreeze(policySchema.parse(row.document)),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    reason: row.reason,
  };
  if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(cacheKey(row), entry);
  return entry;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The policy in force: one small query for its version, the document parsed once per version. The reference seed guarantees version 1 exists. */
export async function currentPolicy(db: Database): Promise<PolicyVersion> {
  return cachedVersion(db, undefined);
}

export async function policyVersion(db: Database, version: number): Promise<PolicyVersion> {
  return cachedVersion(db, version);
}

async function cachedVersion(db: Database, version: number | undefined): Promise<PolicyVersion> {
  const head = await findPolicyHead(db, version);
  const notFound = () => new DomainError('policy_version_not_found', version === undefined ? {} : { version });
  if (!head) throw notFound();
  const hit = parsed.get(cacheKey(head));
  if (hit) return hit;
  const row = await findPolicyVersion(db, head.version);
  if (!row) throw notFound();
  return remember(row);
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
