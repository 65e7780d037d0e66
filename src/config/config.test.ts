import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { DEFAULT_EVIDENCE_TYPES } from '../services/workflow/handlers/evidence-file.js';

describe('configuration from the environment (issue #2 item 1)', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      databaseReadUrl: undefined,
      dataDir: './data',
      backup: { schedule: 'daily', dir: 'data/backups', keep: 7 },
      timeZone: 'Asia/Shanghai',
      seedDemo: true,
      logLevel: 'info',
      evidence: { maxBytes: 50 * 1024 * 1024, contentTypes: DEFAULT_EVIDENCE_TYPES },
      channels: {
        companyName: '示例保险证券股份有限公司',
        publicUrl: 'http://localhost:3000',
        email: null,
        sms: null,
        smsSignature: '【示例保险证券】',
        hotlineSecret: null,
        receiptToken: null,
      },
      security: {
        sessionSecret: undefined,
        encryptionKeys: undefined,
        encryptionKeyId: undefined,
        demoPassword: undefined,
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        trustProxy: false,
      },
      portal: { limits: {} },
      mailIntake: { smtpPort: null, smtpHost: '127.0.0.1', maxBytes: 50 * 1024 * 1024, tlsRejectUnauthorized: true },
      metricsToken: null,
    });
  });

  it("METRICS_TOKEN: the scraper's bearer token, 16 characters or more without spaces (#16 item 8)", () => {
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(16) }).metricsToken).toBe('m'.repeat(16));
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_TOKEN: 'has a space in it, long enough' })).toThrow(/METRICS_TOKEN/);
  });

  it('DATABASE_READ_URL: a replica for statistics and reports, only beside DATABASE_URL (#16 item 6)', () => {
    const primary = 'postgres://app:pw@db-primary:5432/complaints';
    const replica = 'postgres://app:pw@db-replica:5433/complaints';
    expect(loadConfig({ DATABASE_URL: primary }).databaseReadUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: replica })).toMatchObject({
      databaseUrl: primary,
      databaseReadUrl: replica,
    });
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'mysql://x' })).toThrow(/DATABASE_READ_URL/);
    expect(() => loadConfig({ DATABASE_READ_URL: replica })).toThrow(/DATABASE_READ_URL: needs DATABASE_URL/);
  });

  it('the e-mail intake: the SMTP listener, the largest message, IMAP certificates (#12)', () => {
    expect(
      loadConfig({
        MAIL_INBOUND_SMTP_PORT: '2525',
        MAIL_INBOUND_SMTP_HOST: '0.0.0.0',
        MAIL_INBOUND_MAX_BYTES: String(10 * 1024 * 1024),
        MAIL_IMAP_TLS_REJECT_UNAUTHORIZED: 'false',
      }).mailIntake,
    ).toEqual({ smtpPort: 2525, smtpHost: '0.0.0.0', maxBytes: 10 * 1024 * 1024, tlsRejectUnauthorized: false });
    expect(() => loadConfig({ MAIL_INBOUND_SMTP_PORT: 'smtp' })).toThrow(/MAIL_INBOUND_SMTP_PORT/);
    expect(() => loadConfig({ MAIL_INBOUND_MAX_BYTES: '1000' })).toThrow(/MAIL_INBOUND_MAX_BYTES/);
  });

  it('the portal limits: "requests/seconds" per address, contact and overall (#12)', () => {
    expect(loadConfig({ PORTAL_LIMIT_ADDRESS: '5/60', PORTAL_LIMIT_OVERALL: ' 100 / 3600 ' }).portal).toEqual({
      limits: { address: { max: 5, windowSeconds: 60 }, overall: { max: 100, windowSeconds: 3600 } },
    });
    expect(() => loadConfig({ PORTAL_LIMIT_CONTACT: '5 per minute' })).toThrow(/PORTAL_LIMIT_CONTACT: must be "requests\/seconds"/);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/complaints',
      DATA_DIR: '/var/lib/complaints',
      TZ: 'Asia/Hong_Kong',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 's'.repeat(32),
      ENCRYPTION_KEYS: 'k1:x',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/complaints',
      dataDir: '/var/lib/complaints',
      timeZone: 'Asia/Hong_Kong',
      env: 'production',
      seedDemo: false,
      logLevel: 'warn',
    });
  });

  it('production refuses to start without a session secret and an encryption key (issue #3 item 7)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET[\s\S]*ENCRYPTION_KEYS/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    const prod = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(32),
      ENCRYPTION_KEYS: 'k1:x',
      DEMO_PASSWORD: 'x',
      SEED_DEMO: 'true',
    });
    expect(prod.security.demoPassword).toBeUndefined();
    expect(prod.seedDemo).toBe(false);
  });

  it('refuses bad values, naming each variable', () => {
    try {
      loadConfig({ PORT: 'eighty', TZ: 'Mars/Olympus', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('TZ');
      expect(msg).toContain('DATABASE_URL');
    }
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('evidence uploads: the limit and the types (#9 item 8)', () => {
    expect(loadConfig({ EVIDENCE_MAX_BYTES: '104857600', EVIDENCE_TYPES: 'audio/mpeg, application/pdf' }).evidence).toEqual({
      maxBytes: 100 * 1024 * 1024,
      contentTypes: ['audio/mpeg', 'application/pdf'],
    });
    expect(() => loadConfig({ EVIDENCE_MAX_BYTES: '10' })).toThrow(/EVIDENCE_MAX_BYTES/);
    expect(() => loadConfig({ EVIDENCE_TYPES: 'application/x-msdownload' })).toThrow(/EVIDENCE_TYPES/);
  });

  it('messages: SMTP, the SMS gateway, the signature, the company and its address (#11)', () => {
    const c = loadConfig({
      COMPANY_NAME: '华夏人寿保险有限责任公司',
      PUBLIC_URL: 'https://kefu.example.com/',
      SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      MAIL_FROM: '"客服中心" <kefu@example.com>',
      SMS_HTTP_URL: 'https://sms.example.com/send',
      SMS_HTTP_AUTH: 'Authorization: Bearer abc',
      SMS_HTTP_SUCCESS: 'json:code=0',
      SMS_HTTP_ID_PATH: 'data.msgId',
      MESSAGE_RECEIPT_TOKEN: 'receipt-token-0123456789',
    }).channels;
    expect(c).toMatchObject({
      companyName: '华夏人寿保险有限责任公司',
      publicUrl: 'https://kefu.example.com',
      email: { smtpUrl: 'smtp://user:pass@mail.example.com:587', from: '"客服中心" <kefu@example.com>' },
      sms: {
        url: 'https://sms.example.com/send',
        method: 'POST',
        authHeader: 'Authorization: Bearer abc',
        success: 'json:code=0',
        idPath: 'data.msgId',
      },
      // the legal form is left out of the signature
      smsSignature: '【华夏人寿保险】',
      receiptToken: 'receipt-token-0123456789',
    });
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMS_HTTP_SUCCESS: 'code is zero' })).toThrow(/SMS_HTTP_SUCCESS/);
    expect(() => loadConfig({ SMS_SIGNATURE: '公司' })).toThrow(/SMS_SIGNATURE/);
    expect(() => loadConfig({ SMS_HTTP_AUTH: 'no header' })).toThrow(/SMS_HTTP_AUTH/);
  });
});
