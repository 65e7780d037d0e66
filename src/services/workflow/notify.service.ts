import { inScope, ROLES, type Role } from '../../domain/access/permissions.js';
import type { Recipient } from '../../domain/workflow/workflow.types.js';
import type { Database } from '../../db/database.js';
import { findOrgUnitsByIds } from '../../db/repositories/org.repository.js';
import type { Message } from '../../domain/messages/message-templates.js';
import { activeUsersByUsername, listUserOrgUnits, listUserRoles, usersWithRole } from '../../db/repositories/user.repository.js';
import { sendNotifications } from '../channels/notification.service.js';

/** What recipients are resolved against: the complaint's units and people. */
export interface NotifyTarget {
  id: string;
  number: string;
  departmentIds: readonly string[];
  branchId: string | null;
  assignee: string | null;
  tracker: string | null;
  /** who registered it (sees it); unknown to some callers, who name nobody by it */
  createdBy?: string;
  /** the formal review (#14 item 3): the department head named, or the leadership group */
  reviewer?: string | null;
  reviewBy?: 'department_head' | 'leadership' | null;
}

type Person = { id: string; username: string };
/** A person as the scope rule sees them: roles and active org units. */
type PersonScope = { roles: Role[]; branchIds: string[]; departmentIds: string[] };

/**
 * Where recipients are looked up. `directDirectory` asks the database every time; the sweeper (#16)
 * uses `cachedDirectory` for a batch of clocks, so the same supervisors of the same department are
 * read once per batch instead of once per notice. Reads only: a batch is one transaction.
 */
export interface RecipientDirectory {
  withRole(role: string, unitIds?: readonly string[]): Promise<Person[]>;
  byUsername(username: string): Promise<Person[]>;
  scopes(userIds: readonly string[]): Promise<Map<string, PersonScope>>;
}

export function directDirectory(db: Database): RecipientDirectory {
  return {
    withRole: (role, unitIds) => usersWithRole(db, role, unitIds),
    byUsername: (username) => activeUsersByUsername(db, [username]),
    scopes: async (ids) => {
      const [roles, memberships] = await Promise.all([listUserRoles(db, ids), listUserOrgUnits(db, ids)]);
      const units = new Map(
        (await findOrgUnitsByIds(db, [...new Set(memberships.map((m) => m.org_unit_id))])).filter((u) => u.active).map((u) => [u.id, u]),
      );
      return new Map(
        ids.map((id) => {
          const mine = memberships.filter((m) => m.user_id === id).flatMap((m) => units.get(m.org_unit_id) ?? []);
          const scope: PersonScope = {
            roles: roles
              .filter((r) => r.user_id === id)
              .map((r) => r.role)
              .filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
            branchIds: mine.filter((x) => x.kind === 'branch').map((x) => x.id),
            departmentIds: mine.filter((x) => x.kind === 'department').map((x) => x.id),
          };
          return [id, scope];
        }),
      );
    },
  };
}

/** The direct directory with every answer kept for the directory's lifetime (one transaction). */
export function cachedDirectory(db: Database): RecipientDirectory {
  const direct = directDirectory(db);
  const byRole = new Map<string, Promise<Person[]>>();
  const byName = new Map<string, Promise<Person[]>>();
  const scopes = new Map<string, PersonScope>();
  return {
    withRole: (role, unitIds) => {
      const key = `${role}|${unitIds === undefined ? '*' : [...unitIds].sort().join(',')}`;
      const hit = byRole.get(key) ?? direct.withRole(role, unitIds);
      byRole.set(key, hit);
      return hit;
    },
    byUsername: (username) => {
      const hit = byName.get(username) ?? direct.byUsername(username);
      byName.set(username, hit);
      return hit;
    },
    scopes: async (ids) => {
      const missing = ids.filter((id) => !scopes.has(id));
      if (missing.length > 0) for (const [id, scope] of await direct.scopes(missing)) scopes.set(id, scope);
      return new Map(ids.map((id) => [id, scopes.get(id)!]));
    },
  };
}

/**
 * Keeps the users who can open the complaint (the scope rule, permissions.ts inScope): whoever is
 * told of a complaint can open it. With a department from registration (policy handling
 * defaultDepartmentCode) a complaint always has supervisors in scope to tell.
 */
async function whoCanOpen(dir: RecipientDirectory, c: NotifyTarget, users: Person[]): Promise<Person[]> {
  if (users.length === 0) return users;
  const scopes = await dir.scopes(users.map((u) => u.id));
  const facts = { branchId: c.branchId, departmentIds: c.departmentIds, createdBy: c.createdBy ?? '', people: [c.assignee, c.tracker] };
  return users.filter((u) => inScope({ userId: u.id, username: u.username, ...scopes.get(u.id)! }, facts));
}

const ROLE_OF: Partial<Record<Recipient, string>> = {
  leadership: 'leadership_member',
  senior_management: 'senior_manager',
  supervision: 'supervision_inspector',
};

/** The users a list of recipients names for one complaint (supervisors and handlers of its departments). */
export async function resolveRecipients(
  db: Database,
  c: NotifyTarget,
  recipients: readonly Recipient[],
  dir: RecipientDirectory = directDirectory(db),
): Promise<Person[]> {
  const found = new Map<string, Person>();
  const add = (users: Person[]) => users.forEach((u) => found.set(u.id, u));
  for (const r of new Set(recipients)) {
    const role = ROLE_OF[r];
    if (role) add(await dir.withRole(role));
    else if (r === 'supervisors') {
      // a complaint without any department (the policy has no default one) goes to every supervisor who can open it
      add(await dir.withRole('supervisor', c.departmentIds.length > 0 ? c.departmentIds : undefined));
    } else if (r === 'department_handlers') add(await dir.withRole('department_handler', c.departmentIds));
    else if (r === 'tracker' && c.tracker) add(await dir.byUsername(c.tracker));
    else if (r === 'assignee' && c.assignee) add(await dir.byUsername(c.assignee));
    else if (r === 'reviewer' && c.reviewer) add(await dir.byUsername(c.reviewer));
    else if (r === 'reviewer' && c.reviewBy === 'leadership') add(await dir.withRole('leadership_member'));
  }
  return whoCanOpen(dir, c, [...found.values()]);
}

/**
 * In-app notifications for the people a step names, written in the caller's transaction with an
 * outbox row each for e-mail/SMS delivery later (R-H4). `sourceKey` names the fact: the same fact
 * never notifies the same user twice, whichever instance writes it. The message is a template with
 * its parameters (domain/messages/message-templates.ts), rendered in each reader's language.
 */
export async function notify(
  db: Database,
  c: NotifyTarget,
  recipients: readonly Recipient[],
  n: { kind: string; sourceKey: string; message: Message; exclude?: string },
  at: Date,
  dir?: RecipientDirectory,
): Promise<string[]> {
  const users = (await resolveRecipients(db, c, recipients, dir)).filter((u) => u.username !== n.exclude);
  await sendNotifications(
    db,
    users.map((u) => u.id),
    { complaintId: c.id, kind: n.kind, sourceKey: n.sourceKey, message: n.message },
    at,
  );
  return users.map((u) => u.username);
}
