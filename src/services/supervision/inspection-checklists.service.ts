/**
 * Inspection checklists (#14 item 1, R-E4): items with a code, a text and a weight. A version a plan
 * uses is frozen: editing the checklist after that makes a new version, so every scored complaint
 * keeps the items it was scored against.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { StoredChecklistItem } from '../../db/schema-inspections.js';
import {
  findChecklist,
  findChecklistVersion,
  insertChecklist,
  insertChecklistVersion,
  listChecklists as listRows,
  updateChecklist as updateRow,
  updateChecklistVersionItems,
} from '../../db/repositories/inspection.repository.js';
import type { ServiceContext } from '../context.js';
import { requireInspectionRead, requirePermission } from './inspection-access.js';

export interface ChecklistView {
  id: string;
  name: string;
  description: string;
  active: boolean;
  version: number;
  frozen: boolean;
  items: StoredChecklistItem[];
  updatedAt: Date;
  updatedBy: string;
}

export interface ChecklistInput {
  name: string;
  description?: string;
  items: StoredChecklistItem[];
}

function checkItems(items: readonly StoredChecklistItem[]): void {
  if (new Set(items.map((i) => i.code)).size !== items.length) throw new DomainError('inspection_checklist_codes_not_unique', {}, 'items');
}

export async function listChecklists(ctx: ServiceContext, p: Principal): Promise<ChecklistView[]> {
  requireInspectionRead(p);
  return (await listRows(ctx.db)).map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    active: r.active,
    version: r.current_version,
    frozen: r.frozen,
    items: r.items,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

export async function getChecklist(ctx: ServiceContext, p: Principal, id: string): Promise<ChecklistView> {
  const found = (await listChecklists(ctx, p)).find((c) => c.id === id);
  if (!found) throw new DomainError('inspection_checklist_not_found');
  return found;
}

export async function createChecklist(ctx: ServiceContext, p: Principal, input: ChecklistInput): Promise<ChecklistView> {
  requirePermission(p, 'inspection.manage');
  checkItems(input.items);
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute((trx) =>
    insertChecklist(
      trx,
      {
        id,
        name: input.name,
        description: input.description ?? '',
        active: true,
        current_version: 1,
        created_at: now,
        created_by: p.username,
        updated_at: now,
        updated_by: p.username,
      },
      input.items,
    ),
  );
  return getChecklist(ctx, p, id);
}

/** Name, description, active, items: new items on a frozen version make a new version. */
export async function updateChecklist(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  input: Partial<ChecklistInput> & { active?: boolean },
): Promise<ChecklistView> {
  requirePermission(p, 'inspection.manage');
  if (input.items) checkItems(input.items);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await findChecklist(trx, id, true);
    if (!c) throw new DomainError('inspection_checklist_not_found');
    let version = c.current_version;
    if (input.items) {
      const current = await findChecklistVersion(trx, id, version);
      if (current?.frozen_at) {
        version += 1;
        await insertChecklistVersion(trx, id, version, input.items, now, p.username);
      } else await updateChecklistVersionItems(trx, id, version, input.items);
    }
    await updateRow(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      current_version: version,
      updated_at: now,
      updated_by: p.username,
    });
  });
  return getChecklist(ctx, p, id);
}
