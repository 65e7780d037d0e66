/**
 * Who is told about a rectification request (#14 item 1): the addressee (the person; a request to
 * a department alone goes to the department's supervisors and handlers), the department's
 * supervisors, the supervision department (inspectors), the leadership group. Each notice names its
 * fact in `sourceKey`: the same fact never notifies the same user twice.
 */
import type { RectificationRecipient } from '../../domain/supervision/supervision-policy.js';
import type { RectificationParams } from '../../domain/messages/message-templates.js';
import type { Database } from '../../db/database.js';
import type { RequestRow } from '../../db/repositories/inspection-rectification.repository.js';
import { activeUsersByUsername, usersWithRole } from '../../db/repositories/user.repository.js';
import { sendNotifications } from '../channels/notification.service.js';

type User = { id: string; username: string };

async function usersOf(db: Database, r: Pick<RequestRow, 'addressee' | 'department_id'>, who: RectificationRecipient): Promise<User[]> {
  const department = r.department_id ? [r.department_id] : null;
  if (who === 'addressee') {
    if (r.addressee) return activeUsersByUsername(db, [r.addressee]);
    if (!department) return [];
    return [...(await usersWithRole(db, 'supervisor', department)), ...(await usersWithRole(db, 'department_handler', department))];
  }
  if (who === 'department_supervisors') return department ? usersWithRole(db, 'supervisor', department) : [];
  if (who === 'supervision') return usersWithRole(db, 'supervision_inspector');
  return usersWithRole(db, 'leadership_member');
}

/** Sends one notice to the recipients; the addressed side is sent to "my findings", the others to the plan. */
export async function notifyRectification(
  db: Database,
  r: Pick<RequestRow, 'id' | 'addressee' | 'department_id' | 'plan_id' | 'text' | 'due_at'>,
  recipients: readonly RectificationRecipient[],
  n: { event: RectificationParams['event']; step?: number; sourceKey: string; exclude?: string },
  at: Date,
): Promise<string[]> {
  const told: string[] = [];
  const seen = new Set<string>();
  for (const side of ['addressed', 'supervising'] as const) {
    const users: User[] = [];
    for (const who of new Set(recipients)) {
      const addressed = who === 'addressee' || who === 'department_supervisors';
      if (addressed !== (side === 'addressed')) continue;
      for (const u of await usersOf(db, r, who)) {
        if (seen.has(u.id) || u.username === n.exclude) continue;
        seen.add(u.id);
        users.push(u);
      }
    }
    if (users.length === 0) continue;
    const link = side === 'addressed' ? '/supervision/my' : r.plan_id ? `/supervision/plans/${r.plan_id}` : '/supervision';
    await sendNotifications(
      db,
      users.map((u) => u.id),
      {
        complaintId: null,
        kind: 'rectification',
        sourceKey: n.sourceKey,
        message: {
          template: 'rectification.notice',
          params: {
            event: n.event,
            requestId: r.id,
            text: r.text,
            dueAt: r.due_at?.toISOString() ?? null,
            ...(n.step !== undefined ? { step: n.step } : {}),
            link,
          },
        },
      },
      at,
    );
    told.push(...users.map((u) => u.username));
  }
  return told;
}
