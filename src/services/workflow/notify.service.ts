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

/**
 * Keeps the users who can open the complaint (the scope rule, permissions.ts inScope): whoever is
 * told of a complaint can open it. With a department from registration (policy handling
 * defaultDepartmentCode) a complaint always has supervisors in scope to tell.
 */
async function whoCanOpen(
  db: Database,
  c: NotifyTarget,
  users: Array<{ id: string; username: string }>,
): Promise<Array<{ id: string; username: string }>> {
  if (users.length === 0) return users;
  const ids = users.map((u) => u.id);
  const [roles, memberships] = await Promise.all([listUserRoles(db, ids), listUserOrgUnits(db, ids)]);
  const units = new Map(
    (await findOrgUnitsByIds(db, [...new Set(memberships.map((m) => m.org_unit_id))])).filter((u) => u.active).map((u) => [u.id, u]),
  );
  const facts = { branchId: c.branchId, departmentIds: c.departmentIds, createdBy: c.createdBy ?? '', people: [c.assignee, c.tracker] };
  return users.filter((u) => {
    const mine = memberships.filter((m) => m.user_id === u.id).flatMap((m) => units.get(m.org_unit_id) ?? []);
    const principal = {
      userId: u.id,
      username: u.username,
      roles: roles
        .filter((r) => r.user_id === u.id)
        .map((r) => r.role)
        .filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
      branchIds: mine.filter((x) => x.kind === 'branch').map((x) => x.id),
      departmentIds: mine.filter((x) => x.kind === 'department').map((x) => x.id),
    };
    return inScope(principal, facts);
  });
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
): Promise<Array<{ id: string; username: string }>> {
  const found = new Map<string, { id: string; username: string }>();
  const add = (users: Array<{ id: string; username: string }>) => users.forEach((u) => found.set(u.id, u));
  for (const r of new Set(recipients)) {
    const role = ROLE_OF[r];
    if (role) add(await usersWithRole(db, role));
    else if (r === 'supervisors') {
      // a complaint without any department (the policy has no default one) goes to every supervisor who can open it
      add(await usersWithRole(db, 'supervisor', c.departmentIds.length > 0 ? c.departmentIds : undefined));
    } else if (r === 'department_handlers') add(await usersWithRole(db, 'department_handler', c.departmentIds));
    else if (r === 'tracker' && c.tracker) add(await activeUsersByUsername(db, [c.tracker]));
    else if (r === 'assignee' && c.assignee) add(await activeUsersByUsername(db, [c.assignee]));
    else if (r === 'reviewer' && c.reviewer) add(await activeUsersByUsername(db, [c.reviewer]));
    else if (r === 'reviewer' && c.reviewBy === 'leadership') add(await usersWithRole(db, 'leadership_member'));
  }
  return whoCanOpen(db, c, [...found.values()]);
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
): Promise<string[]> {
  const users = (await resolveRecipients(db, c, recipients)).filter((u) => u.username !== n.exclude);
  await sendNotifications(
    db,
    users.map((u) => u.id),
    { complaintId: c.id, kind: n.kind, sourceKey: n.sourceKey, message: n.message },
    at,
  );
  return users.map((u) => u.username);
}
