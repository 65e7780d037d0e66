import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the audit log's raw ids stand for, read in one query per kind of object on the page. */
export interface AuditNames {
  /** user id or username -> display name and username */
  users: Map<string, { name: string; username: string }>;
  /** org unit id -> names */
  orgUnits: Map<string, { zh: string; en: string }>;
  /** complaint id or number -> number */
  complaints: Map<string, string>;
  /** API token id -> its name */
  tokens: Map<string, string>;
}

export interface AuditNameRefs {
  userIds: string[];
  usernames: string[];
  orgUnitIds: string[];
  complaintRefs: string[];
  tokenIds: string[];
}

const uuids = (xs: string[]) => [...new Set(xs.filter((x) => UUID.test(x)))];

export async function auditNames(db: Kysely<DB>, refs: AuditNameRefs): Promise<AuditNames> {
  const userIds = uuids(refs.userIds);
  const usernames = [...new Set(refs.usernames)];
  const orgUnitIds = uuids(refs.orgUnitIds);
  const complaintIds = uuids(refs.complaintRefs);
  const complaintNumbers = [...new Set(refs.complaintRefs.filter((x) => !UUID.test(x)))];
  const tokenIds = uuids(refs.tokenIds);
  const [users, units, complaints, tokens] = await Promise.all([
    userIds.length || usernames.length
      ? db
          .selectFrom('users')
          .select(['id', 'username', 'display_name'])
          .where((eb) =>
            eb.or([...(userIds.length ? [eb('id', 'in', userIds)] : []), ...(usernames.length ? [eb('username', 'in', usernames)] : [])]),
          )
          .execute()
      : [],
    orgUnitIds.length ? db.selectFrom('org_units').select(['id', 'name_zh', 'name_en']).where('id', 'in', orgUnitIds).execute() : [],
    complaintIds.length || complaintNumbers.length
      ? db
          .selectFrom('complaints')
          .select(['id', 'number'])
          .where((eb) =>
            eb.or([
              ...(complaintIds.length ? [eb('id', 'in', complaintIds)] : []),
              ...(complaintNumbers.length ? [eb('number', 'in', complaintNumbers)] : []),
            ]),
          )
          .execute()
      : [],
    tokenIds.length ? db.selectFrom('api_tokens').select(['id', 'name']).where('id', 'in', tokenIds).execute() : [],
  ]);
  const names: AuditNames = { users: new Map(), orgUnits: new Map(), complaints: new Map(), tokens: new Map() };
  for (const u of users) {
    const v = { name: u.display_name, username: u.username };
    names.users.set(u.id, v);
    names.users.set(u.username, v);
  }
  for (const o of units) names.orgUnits.set(o.id, { zh: o.name_zh, en: o.name_en });
  for (const c of complaints) {
    names.complaints.set(c.id, c.number);
    names.complaints.set(c.number, c.number);
  }
  for (const t of tokens) names.tokens.set(t.id, t.name);
  return names;
}
