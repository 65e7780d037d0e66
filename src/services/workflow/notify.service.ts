import type { Recipient } from '../../domain/workflow/workflow.types.js';
import type { Database } from '../../db/database.js';
import { insertNotifications } from '../../db/repositories/notification.repository.js';
import { enqueueOutbox } from '../../db/repositories/outbox.repository.js';
import { activeUsersByUsername, usersWithRole } from '../../db/repositories/user.repository.js';

/** What recipients are resolved against: the complaint's units and people. */
export interface NotifyTarget {
  id: string;
  number: string;
  departmentIds: readonly string[];
  branchId: string | null;
  assignee: string | null;
  tracker: string | null;
}

const ROLE_OF: Partial<Record<Recipient, string>> = {
  leadership: 'leadership_member',
  senior_management: 'senior_manager',
  supervision: 'supervision_inspector',
};

/** The users a list of recipients names for one complaint (supervisors and handlers of its departments). */
export async function resolveRecipients(db: Database, c: NotifyTarget, recipients: readonly Recipient[]): Promise<Array<{ id: string; username: string }>> {
  const found = new Map<string, { id: string; username: string }>();
  const add = (users: Array<{ id: string; username: string }>) => users.forEach((u) => found.set(u.id, u));
  for (const r of new Set(recipients)) {
    const role = ROLE_OF[r];
    if (role) add(await usersWithRole(db, role));
    else if (r === 'supervisors') {
      // a complaint not yet with any department (e.g. registered at a branch) goes to every supervisor
      add(await usersWithRole(db, 'supervisor', c.departmentIds.length > 0 ? c.departmentIds : undefined));
    } else if (r === 'department_handlers') add(await usersWithRole(db, 'department_handler', c.departmentIds));
    else if (r === 'tracker' && c.tracker) add(await activeUsersByUsername(db, [c.tracker]));
    else if (r === 'assignee' && c.assignee) add(await activeUsersByUsername(db, [c.assignee]));
  }
  return [...found.values()];
}

/**
 * In-app notifications for the people a step names, written in the caller's transaction with an
 * outbox row each for e-mail/SMS delivery later (R-H4). `sourceKey` names the fact: the same fact
 * never notifies the same user twice, whichever instance writes it.
 */
export async function notify(
  db: Database,
  c: NotifyTarget,
  recipients: readonly Recipient[],
  n: { kind: string; sourceKey: string; title: string; body: Record<string, unknown>; exclude?: string },
  at: Date,
): Promise<string[]> {
  const users = (await resolveRecipients(db, c, recipients)).filter((u) => u.username !== n.exclude);
  if (users.length === 0) return [];
  await insertNotifications(
    db,
    users.map((u) => ({ userId: u.id, complaintId: c.id, kind: n.kind, sourceKey: n.sourceKey, title: n.title, body: { ...n.body, number: c.number } })),
    at,
  );
  await enqueueOutbox(
    db,
    users.map((u) => ({ topic: 'notification.created', payload: { userId: u.id, complaintId: c.id, kind: n.kind, title: n.title }, idempotencyKey: `notification:${n.sourceKey}:${u.id}` })),
    at,
  );
  return users.map((u) => u.username);
}
