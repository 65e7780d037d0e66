import { z } from 'zod';
import { ACTIONS, ROLES } from '../../domain/access/permissions.js';
import { ORG_UNIT_KINDS, ROLE_SCOPES } from '../../domain/codes.js';
import { instant } from './response.js';

/**
 * Answers of the people routes: sign-in and sessions, API tokens, users, the directory, org units
 * and the role catalogue (#10 item 1). Each object is an allow-list: a password hash, a session
 * token or a token's hash never reaches the client, whatever the service hands over.
 */

/** Roles and actions read from the database stay strings: a renamed role or action must not turn a listing into a 500. */
const roleName = z.string();
const actionName = z.string();

export const userResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(roleName),
  permissions: z.array(z.enum(ACTIONS)),
  orgUnitIds: z.array(z.string()),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: instant.nullable().describe('until when failed sign-ins hold this name back, or null'),
  lastLoginAt: instant.nullable(),
  createdAt: instant,
});

export const userList = z.object({ items: z.array(userResponse) });

/** A new account or a reset: the one-time password is shown this once. */
export const createdUser = z.object({ user: userResponse, oneTimePassword: z.string() });
export const oneTimePassword = z.object({ oneTimePassword: z.string() });

export const directoryEntry = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleName),
  orgUnitIds: z.array(z.string()),
  active: z.boolean(),
});
export const directoryList = z.object({ items: z.array(directoryEntry) });

export const orgUnitKind = z.enum(ORG_UNIT_KINDS);
export const orgUnitResponse = z.object({
  id: z.string(),
  kind: orgUnitKind,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});
export const orgUnitList = z.object({ items: z.array(orgUnitResponse) });

/** Sign-in: the user as presented (never the stored row with its hash), the CSRF token for writes. */
export const loginResponse = z.object({
  user: userResponse,
  csrfToken: z.string(),
  expiresAt: instant,
  mustChangePassword: z.boolean(),
});

export const meResponse = z.object({
  user: userResponse,
  via: z.enum(['session', 'token']),
  csrfToken: z.string().nullable().describe('null when signed in with an API token'),
  mustChangePassword: z.boolean(),
  tokenActions: z.array(actionName).nullable().describe('the actions an API token is limited to; null for a session'),
});

export const okResponse = z.object({ ok: z.literal(true) });
export const loggedOutEverywhere = z.object({ ok: z.literal(true), sessions: z.number().int().describe('sessions ended') });

/** An API token as listed: its prefix, never the secret or its hash. */
export const apiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  actions: z.array(actionName),
  createdAt: instant,
  expiresAt: instant,
  revokedAt: instant.nullable(),
  lastUsedAt: instant.nullable(),
  useCount: z.number().int(),
});
export const apiTokenList = z.object({ items: z.array(apiTokenResponse) });
/** A new API token: the secret (`token`) is shown this once. */
export const createdApiToken = apiTokenResponse.extend({ token: z.string() });

export const roleResponse = z.object({
  role: z.enum(ROLES),
  zh: z.string(),
  en: z.string(),
  scope: z.enum(ROLE_SCOPES),
  permissions: z.array(z.enum(ACTIONS)),
});
export const roleList = z.object({ items: z.array(roleResponse) });

/** What the client receives (instants as ISO strings): for tests and the generated client's checks. */
export type UserAnswer = z.output<typeof userResponse>;
export type CreatedUserAnswer = z.output<typeof createdUser>;
export type DirectoryEntryAnswer = z.output<typeof directoryEntry>;
export type OrgUnitAnswer = z.output<typeof orgUnitResponse>;
export type LoginAnswer = z.output<typeof loginResponse>;
export type MeAnswer = z.output<typeof meResponse>;
export type ApiTokenAnswer = z.output<typeof apiTokenResponse>;
export type CreatedApiTokenAnswer = z.output<typeof createdApiToken>;
export type RoleAnswer = z.output<typeof roleResponse>;
export type UserListAnswer = z.output<typeof userList>;
export type DirectoryAnswer = z.output<typeof directoryList>;
export type OrgUnitListAnswer = z.output<typeof orgUnitList>;
export type ApiTokenListAnswer = z.output<typeof apiTokenList>;
export type RoleListAnswer = z.output<typeof roleList>;
