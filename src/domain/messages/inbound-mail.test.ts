import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/policy.defaults.js';
import {
  automaticReason,
  complaintNumbersIn,
  mailIntakeTaxonomy,
  repliedMessageIds,
  senderName,
  withoutQuotedHistory,
} from './inbound-mail.js';
import { addressOf, decodeMimeWords, dedupeKey, readHeaders, storable } from './mail-headers.js';

const mail = (headers: string, body = 'body') => Buffer.from(`${headers.trim().replace(/\n/g, '\r\n')}\r\n\r\n${body}\r\n`, 'utf8');
const facts = (headers: string, envelopeFrom: string | null = 'zhang@example.com') => ({
  headers: readHeaders(mail(headers)),
  envelopeFrom,
});
const PERSON = 'From: 张三 <zhang@example.com>\nTo: tousu@insurer.example\nSubject: 理赔投诉';

describe('automatic mail is never a complaint and never answered (#12 item 2, R-B1)', () => {
  it('mail a person wrote is not automatic', () => {
    expect(automaticReason(facts(PERSON))).toBeNull();
    expect(automaticReason(facts(`${PERSON}\nAuto-Submitted: no`))).toBeNull();
    // Outlook puts this on ordinary mail too: not a sign of an auto-reply
    expect(automaticReason(facts(`${PERSON}\nX-Auto-Response-Suppress: All`))).toBeNull();
  });

  it.each([
    ['Auto-Submitted: auto-replied', 'auto_submitted'],
    ['Auto-Submitted: auto-generated; owner-email="a@b.c"', 'auto_submitted'],
    ['Precedence: bulk', 'precedence'],
    ['Precedence: junk', 'precedence'],
    ['Precedence: list', 'precedence'],
    ['List-Id: <news.example.com>', 'mailing_list'],
    ['List-Unsubscribe: <mailto:unsub@example.com>', 'mailing_list'],
    ['X-Autoreply: yes', 'auto_reply'],
    ['X-Autorespond: yes', 'auto_reply'],
    ['Return-Path: <>', 'null_sender'],
    ['Content-Type: multipart/report; report-type=delivery-status; boundary="x"', 'delivery_report'],
  ])('%s -> %s', (extra, reason) => {
    expect(automaticReason(facts(`${PERSON}\n${extra}`))).toBe(reason);
  });

  it('the null envelope sender and the mail system’s own addresses are bounces', () => {
    expect(automaticReason(facts(PERSON, ''))).toBe('null_sender');
    expect(automaticReason(facts('From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\nSubject: Undelivered'))).toBe('mailer_daemon');
    expect(automaticReason(facts(PERSON, 'postmaster@example.com'))).toBe('mailer_daemon');
  });

  it('auto-reply subjects of clients that set no header', () => {
    expect(automaticReason(facts('From: a@example.com\nSubject: 自动回复：关于理赔'))).toBe('auto_reply');
    expect(automaticReason(facts('From: a@example.com\nSubject: Automatic reply: your message'))).toBe('auto_reply');
    expect(automaticReason(facts('From: a@example.com\nSubject: Out of Office: back Monday'))).toBe('auto_reply');
    // a complaint about an auto-reply is a complaint
    expect(automaticReason(facts('From: a@example.com\nSubject: 投诉你们的自动回复'))).toBeNull();
  });
});

describe('replies: the complaint they name', () => {
  it('numbers in the subject, bracketed or plain, full-width too', () => {
    expect(complaintNumbersIn('Re: 您的投诉已受理 [TS20261125000123]')).toEqual(['TS20261125000123']);
    expect(complaintNumbersIn('回复：投诉编号 TS202611250001 的补充材料')).toEqual(['TS202611250001']);
    expect(complaintNumbersIn('ＴＳ２０２６１１２５０００１')).toEqual(['TS202611250001']);
    expect(complaintNumbersIn('policy P12345 and order ABC123')).toEqual([]);
    expect(complaintNumbersIn(null)).toEqual([]);
  });

  it('In-Reply-To first, then References from the newest', () => {
    const h = readHeaders(mail('From: a@example.com\nIn-Reply-To: <c@x>\nReferences: <a@x>\n <b@x> <c@x>'));
    expect(repliedMessageIds(h)).toEqual(['<c@x>', '<b@x>', '<a@x>']);
  });
});

describe('the text kept: the quoted history cut off', () => {
  it('Outlook, Gmail, Foxmail/QQ and "> " quoting', () => {
    expect(withoutQuotedHistory('补充：维修发票见附件。\n\n-----Original Message-----\nFrom: x\n旧内容', 'Re: x')).toBe(
      '补充：维修发票见附件。',
    );
    expect(withoutQuotedHistory('Thanks.\n\nOn Tue, Nov 25, 2026 at 10:00 AM Insurer <a@b.c>\nwrote:\n> old', 'Re: x')).toBe('Thanks.');
    expect(withoutQuotedHistory('好的\n\n------------------ 原始邮件 ------------------\n发件人: a', 'Re')).toBe('好的');
    expect(withoutQuotedHistory('收到\n\n在 2026年11月25日 10:00，客服 写道：\n> 您好', 'Re')).toBe('收到');
    expect(withoutQuotedHistory('New text\n\nFrom: Insurer\nSent: Tuesday\nTo: me\nSubject: x\n\nold', 'Re')).toBe('New text');
    expect(withoutQuotedHistory('line\n> quoted\n> more', null)).toBe('line');
  });

  it('a forward keeps everything, and so does a message that would be left empty', () => {
    const fwd = '请看下面\n\n-----Original Message-----\n原邮件内容';
    expect(withoutQuotedHistory(fwd, 'Fwd: 理赔')).toBe(fwd);
    expect(withoutQuotedHistory('> only quoted', 'Re')).toBe('> only quoted');
  });
});

describe('header reading', () => {
  it('RFC 2047 words in UTF-8 and GBK, names and addresses', () => {
    expect(decodeMimeWords('=?UTF-8?B?55CG6LWU5oqV6K+J?=')).toBe('理赔投诉');
    expect(decodeMimeWords('=?GB2312?B?wO3F4g==?= =?UTF-8?Q?=E6=8A=95=E8=AF=89?=')).toBe('理赔投诉');
    expect(addressOf('"张三" <Zhang@Example.com>')).toBe('zhang@example.com');
    expect(addressOf('zhang@example.com (张三)')).toBe('zhang@example.com');
    expect(addressOf('<>')).toBe('');
    expect(addressOf('not an address')).toBeNull();
    expect(senderName('张三', 'zhang@example.com')).toBe('张三');
    expect(senderName(null, 'li.si@example.com')).toBe('li.si');
  });

  it('the dedupe key: the Message-ID, or the hash of the bytes; a giant one hashed', () => {
    const a = mail('From: a@example.com\nMessage-ID: <abc@example.com>');
    expect(dedupeKey(readHeaders(a), a)).toBe('<abc@example.com>');
    const b = mail('From: a@example.com');
    expect(dedupeKey(readHeaders(b), b)).toMatch(/^<[0-9a-f]{64}@no-message-id>$/);
    const huge = mail(`From: a@example.com\nMessage-ID: <${'x'.repeat(5000)}@example.com>`);
    expect(dedupeKey(readHeaders(huge), huge)).toMatch(/^<[0-9a-f]{64}@long-message-id>$/);
  });

  it('garbage has no headers and never throws; NUL never reaches the database', () => {
    expect(readHeaders(Buffer.from([0, 1, 2, 255, 254, 10, 10, 65])).size).toBe(0);
    expect(storable('a\u0000b\uD800c', 10)).toBe('abc');
  });
});

describe('business line and category of a complaint by e-mail', () => {
  it('the mailbox defaults while the policy offers them, else the first line and other', () => {
    expect(mailIntakeTaxonomy(defaultPolicy, { businessLine: 'brokerage', category: 'securities_trading' })).toEqual({
      businessLine: 'brokerage',
      category: 'securities_trading',
    });
    const fallback = mailIntakeTaxonomy(defaultPolicy, { businessLine: null, category: null });
    expect(fallback.businessLine).toBe(defaultPolicy.taxonomies.businessLines.find((l) => l.active)?.code);
    expect(fallback.category).toBe('other');
    // a category that does not fit the line falls back to other
    expect(mailIntakeTaxonomy(defaultPolicy, { businessLine: 'brokerage', category: 'claims_dispute' }).category).toBe('other');
  });
});
