import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import {
  findOrgUnit,
  insertOrgUnit,
  listOrgUnits,
  updateOrgUnit,
  type OrgUnitKind,
  type OrgUnitRow,
} from '../../db/repositories/org.repository.js';
import { audit } from '../administration/audit.service.js';
import type { Actor, RequestMeta, ServiceContext } from '../context.js';

export function presentOrgUnit(u: OrgUnitRow) {
  return {
    id: u.id,
    kind: u.kind,
    code: u.code,
    nameZh: u.name_zh,
    nameEn: u.name_en,
    active: u.active,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  };
}

export async function orgUnits(ctx: ServiceContext, q: { kind?: OrgUnitKind; includeInactive?: boolean }) {
  return (await listOrgUnits(ctx.db, q)).map(presentOrgUnit);
}

/** Branches, departments, the leadership group, supervision, senior management (R-A3). */
export async function createOrgUnit(
  ctx: ServiceContext,
  meta: RequestMeta,
  actor: Actor,
  input: { kind: OrgUnitKind; code: string; nameZh: string; nameEn: string },
) {
  if (await findOrgUnit(ctx.db, input.code)) throw new DomainError('code_taken', {}, 'code');
  const now = ctx.now();
  const row: OrgUnitRow = {
    id: randomUUID(),
    kind: input.kind,
    code: input.code,
    name_zh: input.nameZh,
    name_en: input.nameEn,
    active: true,
    created_at: now,
    created_by: actor.id,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    // checked above, but a parallel request may have taken the code since (the unique constraint decides)
    if (!(await insertOrgUnit(trx, row))) throw new DomainError('code_taken', {}, 'code');
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'org.create',
      outcome: 'success',
      targetType: 'org_unit',
      targetId: row.id,
      details: { code: row.code, kind: row.kind },
    });
  });
  return presentOrgUnit(row);
}

/** Rename or (de)activate; nothing referenced is ever deleted. */
export async function changeOrgUnit(
  ctx: ServiceContext,
  meta: RequestMeta,
  actor: Actor,
  idOrCode: string,
  patch: { nameZh?: string; nameEn?: string; active?: boolean },
) {
  const unit = await findOrgUnit(ctx.db, idOrCode);
  if (!unit) throw new DomainError('org_unit_not_found', {}, 'id');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await updateOrgUnit(trx, unit.id, { name_zh: patch.nameZh, name_en: patch.nameEn, active: patch.active, updated_at: now });
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'org.update',
      outcome: 'success',
      targetType: 'org_unit',
      targetId: unit.id,
      details: { ...patch },
    });
  });
  const after = await findOrgUnit(ctx.db, unit.id);
  if (!after) throw new DomainError('org_unit_not_found', {}, 'id');
  return presentOrgUnit(after);
}
