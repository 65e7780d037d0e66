import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { deleteSavedView, listSavedViews, upsertSavedView, type SavedViewRow } from '../../db/repositories/saved-view.repository.js';
import type { ServiceContext } from '../context.js';

export interface SavedView {
  id: string;
  name: string;
  query: string;
  columns: string[];
  updatedAt: Date;
}

function present(r: SavedViewRow): SavedView {
  return { id: r.id, name: r.name, query: r.query, columns: r.columns, updatedAt: r.updated_at };
}

/** A user's saved ledger views (filters, sort and columns), by name; each user sees only their own. */
export async function savedViews(ctx: ServiceContext, p: Principal): Promise<SavedView[]> {
  return (await listSavedViews(ctx.db, p.userId)).map(present);
}

/** Saves (or, under an existing name, replaces) a view; the route has checked the query against the ledger's parameters. */
export async function saveView(
  ctx: ServiceContext,
  p: Principal,
  v: { name: string; query: string; columns: string[] },
): Promise<SavedView> {
  return present(await upsertSavedView(ctx.db, { id: randomUUID(), userId: p.userId, ...v, now: ctx.now() }));
}

export async function removeView(ctx: ServiceContext, p: Principal, id: string): Promise<void> {
  if (!(await deleteSavedView(ctx.db, p.userId, id))) throw new DomainError('saved_view_not_found');
}
