import path from 'node:path';
import type { ChannelSettings } from '../services/channels/channel-settings.js';
import { parseRateLimit } from '../domain/portal/rate-limit.js';
import type { PortalOptions } from '../services/portal/portal-settings.js';
import { z } from 'zod';
import {
  DEFAULT_EVIDENCE_MAX_BYTES,
  DEFAULT_EVIDENCE_TYPES,
  KNOWN_EVIDENCE_TYPES,
  type EvidenceSettings,
} from '../services/workflow/handlers/evidence-file.js';

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not a valid IANA time zone');

/** "60/600": 60 requests per 600 seconds (PORTAL_LIMIT_*). */
const portalLimit = z
  .string()
  .transform((v, c) => parseRateLimit(v) ?? (c.addIssue({ code: 'custom', message: 'must be "requests/seconds", e.g. 60/600' }), z.NEVER));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  // a streaming replica for the statistics, analysis, KPI and report figures (#16 item 6); unset: they read the primary
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  TZ: timeZone.default('Asia/Shanghai'),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ENCRYPTION_KEYS: z.string().min(1).optional(),
  ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,16}$/)
    .optional(),
  DEMO_PASSWORD: z.string().min(1).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  WEB_ROOT: z.string().min(1).optional(),
  // evidence uploads (#9 item 8): bytes per file, 1 MiB … 1 GiB; a comma-separated list of types
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_EVIDENCE_MAX_BYTES),
  EVIDENCE_TYPES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== ''),
    )
    .refine(
      (list) => list.length > 0 && list.every((t) => KNOWN_EVIDENCE_TYPES.includes(t)),
      `each must be one of ${KNOWN_EVIDENCE_TYPES.join(', ')}`,
    )
    .optional(),
  // messages leaving the system (#11); unset transports are the development mailbox
  COMPANY_NAME: z.string().trim().min(1).max(100).default('示例保险证券股份有限公司'),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s):// URL')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).optional(),
  SMS_HTTP_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s):// URL')
    .optional(),
  SMS_HTTP_METHOD: z.enum(['POST', 'PUT', 'GET']).default('POST'),
  SMS_HTTP_CONTENT_TYPE: z.string().min(1).default('application/json'),
  SMS_HTTP_BODY: z.string().min(1).default('{"phone":"{{phone}}","content":"{{text}}","requestId":"{{key}}"}'),
  SMS_HTTP_AUTH: z
    .string()
    .regex(/^[A-Za-z0-9-]+:\s*\S.*$/, 'must be one header, "Name: value"')
    .optional(),
  SMS_HTTP_SUCCESS: z
    .string()
    .regex(/^(status:(2xx|\d{3})|json:[A-Za-z0-9_.]+=.*|body:~.+)$/, 'must be status:2xx, status:NNN, json:path=value or body:~text')
    .default('status:2xx'),
  SMS_HTTP_ID_PATH: z
    .string()
    .regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/)
    .optional(),
  SMS_SIGNATURE: z
    .string()
    .regex(/^【[^【】]{2,12}】$/, 'must be 【2 to 12 characters】')
    .optional(),
  MESSAGE_RECEIPT_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // the portal's and the app's request limits (#12): "requests/seconds" per client address, per contact, overall (codes sent)
  PORTAL_LIMIT_ADDRESS: portalLimit.optional(),
  PORTAL_LIMIT_CONTACT: portalLimit.optional(),
  PORTAL_LIMIT_OVERALL: portalLimit.optional(),
  // e-mail intake (#12 item 2): the SMTP listener (unset port: none), the largest message, IMAP certificates
  MAIL_INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  MAIL_INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  MAIL_INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(200 * 1024 * 1024)
    .default(50 * 1024 * 1024),
  MAIL_IMAP_TLS_REJECT_UNAUTHORIZED: z.enum(['true', 'false']).default('true'),
  // the telephony system's signed call events (#12 item 3); unset: the webhook answers 404
  HOTLINE_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  // scheduled backups (#16 item 7): daily at 02:30 company time into BACKUP_DIR (default DATA_DIR/backups), the newest BACKUP_KEEP
  // kept; on by default with the embedded PostgreSQL only
  BACKUP_SCHEDULE: z.enum(['off', 'daily']).optional(),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
  // GET /metrics for Prometheus (#16 item 8): the scraper's bearer token; unset: /metrics answers 404
  METRICS_TOKEN: z
    .string()
    .regex(/^\S{16,}$/, 'must be at least 16 characters, no spaces')
    .optional(),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** a replica the statistics and reports read from (DATABASE_READ_URL, #16 item 6); unset: the primary */
  databaseReadUrl: string | undefined;
  dataDir: string;
  timeZone: string;
  seedDemo: boolean;
  logLevel: string;
  /** the built web application to serve (default dist/web) */
  webRoot: string | undefined;
  /** evidence uploads: the largest file, the types accepted */
  evidence: EvidenceSettings;
  security: SecurityConfig;
  /** e-mail, SMS, the company name and public address in messages and documents (#11) */
  channels: ChannelSettings;
  /** the portal's and the app's request limits (#12); unset ones keep their defaults */
  portal: PortalOptions;
  /** e-mail intake (#12 item 2): the SMTP listener's port (null: none) and address, the largest message, IMAP certificates */
  mailIntake: { smtpPort: number | null; smtpHost: string; maxBytes: number; tlsRejectUnauthorized: boolean };
  /** scheduled backups (#16 item 7): off or daily, where, how many kept */
  backup: { schedule: 'off' | 'daily'; dir: string; keep: number };
  /** GET /metrics (#16 item 8): the scraper's bearer token; null: the endpoint answers 404 */
  metricsToken: string | null;
}

export interface SecurityConfig {
  /** signs the session cookie; generated into DATA_DIR outside production when unset */
  sessionSecret: string | undefined;
  /** 'id:base64key,…' (AES-256-GCM keys for personal data at rest); same fallback */
  encryptionKeys: string | undefined;
  encryptionKeyId: string | undefined;
  demoPassword: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  trustProxy: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // a replica of the embedded PostgreSQL is not a set-up the app supports
  if (e.DATABASE_READ_URL && !e.DATABASE_URL)
    throw new ConfigError('Invalid configuration:\n  DATABASE_READ_URL: needs DATABASE_URL (the primary it replicates)');
  if (e.NODE_ENV === 'production') {
    const missing = [
      e.SESSION_SECRET ? null : '  SESSION_SECRET: required in production',
      e.ENCRYPTION_KEYS ? null : '  ENCRYPTION_KEYS: required in production',
    ].filter((m): m is string => m !== null);
    if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n${missing.join('\n')}`);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    dataDir: e.DATA_DIR,
    timeZone: e.TZ,
    // production never seeds demo data or demo accounts, whatever SEED_DEMO says
    seedDemo: e.NODE_ENV !== 'production' && e.SEED_DEMO !== 'false',
    logLevel: e.LOG_LEVEL,
    webRoot: e.WEB_ROOT,
    evidence: { maxBytes: e.EVIDENCE_MAX_BYTES, contentTypes: e.EVIDENCE_TYPES ?? DEFAULT_EVIDENCE_TYPES },
    channels: channelSettings(e),
    mailIntake: {
      smtpPort: e.MAIL_INBOUND_SMTP_PORT ?? null,
      smtpHost: e.MAIL_INBOUND_SMTP_HOST,
      maxBytes: e.MAIL_INBOUND_MAX_BYTES,
      tlsRejectUnauthorized: e.MAIL_IMAP_TLS_REJECT_UNAUTHORIZED === 'true',
    },
    metricsToken: e.METRICS_TOKEN ?? null,
    backup: {
      schedule: e.BACKUP_SCHEDULE ?? (e.DATABASE_URL ? 'off' : 'daily'),
      dir: e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups'),
      keep: e.BACKUP_KEEP,
    },
    portal: {
      limits: {
        ...(e.PORTAL_LIMIT_ADDRESS ? { address: e.PORTAL_LIMIT_ADDRESS } : {}),
        ...(e.PORTAL_LIMIT_CONTACT ? { contact: e.PORTAL_LIMIT_CONTACT } : {}),
        ...(e.PORTAL_LIMIT_OVERALL ? { overall: e.PORTAL_LIMIT_OVERALL } : {}),
      },
    },
    security: {
      sessionSecret: e.SESSION_SECRET,
      encryptionKeys: e.ENCRYPTION_KEYS,
      encryptionKeyId: e.ENCRYPTION_KEY_ID,
      demoPassword: e.NODE_ENV === 'production' ? undefined : e.DEMO_PASSWORD,
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionMaxHours: e.SESSION_MAX_HOURS,
      trustProxy: e.TRUST_PROXY === 'true',
    },
  };
}

type Env = z.infer<typeof envSchema>;

/** The company's short name for the SMS signature: without the legal form, at most 12 characters. */
function defaultSignature(companyName: string): string {
  const short = companyName.replace(/(股份有限公司|有限责任公司|有限公司|集团)$/u, '').slice(0, 12);
  return `【${short.length >= 2 ? short : companyName.slice(0, 12)}】`;
}

function channelSettings(e: Env): ChannelSettings {
  return {
    companyName: e.COMPANY_NAME,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    email: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? `"${e.COMPANY_NAME}" <noreply@localhost>` } : null,
    sms: e.SMS_HTTP_URL
      ? {
          url: e.SMS_HTTP_URL,
          method: e.SMS_HTTP_METHOD,
          contentType: e.SMS_HTTP_CONTENT_TYPE,
          bodyTemplate: e.SMS_HTTP_BODY,
          authHeader: e.SMS_HTTP_AUTH ?? null,
          success: e.SMS_HTTP_SUCCESS,
          idPath: e.SMS_HTTP_ID_PATH ?? null,
        }
      : null,
    smsSignature: e.SMS_SIGNATURE ?? defaultSignature(e.COMPANY_NAME),
    receiptToken: e.MESSAGE_RECEIPT_TOKEN ?? null,
    hotlineSecret: e.HOTLINE_WEBHOOK_SECRET ?? null,
  };
}
