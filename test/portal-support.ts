/**
 * Helpers for the portal's API tests (#12): ask for a code, deliver it to the development mailbox
 * as the job runner would, read it there as the demo and the browser tests do, open a session, and
 * send multipart forms through inject.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.js';
import { sendMessage } from '../src/services/channels/message-send.service.js';
import { buildTransports } from '../src/services/channels/transports/index.js';
import type { ServiceContext } from '../src/services/context.js';

export type PortalBody = Record<string, unknown>;

export function post(app: FastifyInstance, url: string, payload: PortalBody, ip: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, payload, remoteAddress: ip, headers });
}

/** Sends every queued verification code (what the job runner's message.send does). */
export async function deliverCodes(ctx: ServiceContext): Promise<void> {
  const queued = await ctx.db
    .selectFrom('messages')
    .select('id')
    .where('purpose', '=', 'verification_code')
    .where('status', '=', 'queued')
    .execute();
  const transports = buildTransports(ctx);
  for (const m of queued) await sendMessage(ctx, transports, m.id, { last: false });
}

/** The newest code the development mailbox holds for this address (as typed in the mailbox), or null. */
export async function codeInMailbox(db: Database, address: string): Promise<string | null> {
  const r = await sql<{ body: string }>`
    SELECT d.body FROM development_messages d JOIN messages m ON m.id = d.message_id
    WHERE m.purpose = 'verification_code' AND d.recipient LIKE ${`%${address}%`}
    ORDER BY d.id DESC LIMIT 1`.execute(db);
  const body = r.rows[0]?.body ?? '';
  return /(\d{6})/.exec(body)?.[1] ?? null;
}

/** Asks for a code, delivers it and reads it from the mailbox. */
export async function receiveCode(
  app: FastifyInstance,
  ctx: ServiceContext,
  body: PortalBody,
  ip: string,
  address: string,
): Promise<string> {
  const res = await post(app, '/api/public/codes', body, ip);
  if (res.statusCode !== 202) throw new Error(`code request: ${res.statusCode} ${res.body}`);
  await deliverCodes(ctx);
  const code = await codeInMailbox(ctx.db, address);
  if (!code) throw new Error(`no code in the development mailbox for ${address}`);
  return code;
}

/** A session token for the purpose (and number), through a real code. */
export async function portalToken(
  app: FastifyInstance,
  ctx: ServiceContext,
  body: PortalBody,
  ip: string,
  address: string,
): Promise<string> {
  const code = await receiveCode(app, ctx, body, ip, address);
  const res = await post(app, '/api/public/sessions', { ...body, code }, ip);
  if (res.statusCode !== 200) throw new Error(`session: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

export interface FormFile {
  bytes: Buffer;
  type: string;
  name: string;
}

/** A multipart form as an inject payload (the boundary in the content type). */
export async function formPayload(
  fields: Record<string, string>,
  files: readonly FormFile[] = [],
  fileField = 'files',
): Promise<{ payload: Buffer; contentType: string }> {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append(fileField, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const r = new Response(f);
  return { payload: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get('content-type') ?? '' };
}

export async function postForm(
  app: FastifyInstance,
  url: string,
  form: { payload: Buffer; contentType: string },
  ip: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    payload: form.payload,
    remoteAddress: ip,
    headers: { 'content-type': form.contentType, ...headers },
  });
}

/** A small PDF-looking file and a PNG-looking one (their first bytes are what the type check reads). */
export const PDF: FormFile = {
  bytes: Buffer.from('%PDF-1.7\n% portal test\n%%EOF\n', 'latin1'),
  type: 'application/pdf',
  name: '保单.pdf',
};
export const PNG: FormFile = {
  bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]),
  type: 'image/png',
  name: 'photo.png',
};
/** A Windows program: a type no complaint takes. */
export const EXE: FormFile = { bytes: Buffer.from('MZ\x90\x00\x03', 'latin1'), type: 'application/x-msdownload', name: 'setup.exe' };
