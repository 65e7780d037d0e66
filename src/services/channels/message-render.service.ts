/**
 * What an outgoing message says (#11 item 5): the template's text in the recipient's language, the
 * e-mail's subject, and for staff a link to the complaint. Rendered at each attempt, so a template
 * edited before a retry applies to it.
 *
 * The text is the latest version an administrator saved for the template and language, else the
 * built-in one. A saved version that no longer passes the template's checks, or cannot be filled in
 * with the message's parameters, is passed over for the built-in text: a bad template never stops
 * a message.
 */
import { isTemplateCode, renderMessage, type Message } from '../../domain/messages/message-templates.js';
import { defaultTemplate, isEditableTemplateCode, validateTemplate, type TemplateText } from '../../domain/messages/outgoing-templates.js';
import type { Database } from '../../db/database.js';
import { findLatestTemplateVersion } from '../../db/repositories/message-template.repository.js';
import { channelsOf, staffComplaintLink, type ChannelSettings } from './channel-settings.js';
import { composeMessage, type TemplateTarget } from './message-template-text.js';

export interface OutgoingContent {
  template: string;
  params: Record<string, unknown>;
  locale: 'zh-CN' | 'en-US';
  complaintId: string | null;
  channel: 'email' | 'sms';
  recipientKind: 'user' | 'complainant';
  /** the company's time zone, for due times written out (default Asia/Shanghai) */
  timeZone?: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export async function renderOutgoing(db: Database, s: ChannelSettings, m: OutgoingContent): Promise<RenderedMessage> {
  if (!isEditableTemplateCode(m.template)) return fixedText(s, m);
  const target: TemplateTarget = {
    code: m.template,
    params: m.params,
    locale: m.locale,
    timeZone: m.timeZone ?? DEFAULT_TIME_ZONE,
    complaintId: m.complaintId,
  };
  const stored = await findLatestTemplateVersion(db, m.template, m.locale);
  const builtIn = defaultTemplate(m.template, m.locale);
  const saved: TemplateText | null = stored ? { subject: stored.subject ?? builtIn.subject, body: stored.body } : null;
  for (const text of saved ? [saved, builtIn] : [builtIn]) {
    const rendered = tryCompose(s, m, text, target);
    if (rendered) return rendered;
  }
  return fixedText(s, m);
}

function tryCompose(s: ChannelSettings, m: OutgoingContent, text: TemplateText, target: TemplateTarget): RenderedMessage | null {
  if (validateTemplate(target.code, text).length > 0) return null;
  try {
    const c = composeMessage(s, text, target);
    if (c.subject === '' || c.sms.trim() === '') return null;
    return { subject: c.subject, text: m.channel === 'email' ? c.email : c.sms };
  } catch {
    return null;
  }
}

/**
 * The catalogue's own text: for `legacy.text` and unknown codes (the code itself as the text), and
 * the last resort when no template can be filled in.
 */
function fixedText(s: ChannelSettings, m: OutgoingContent): RenderedMessage {
  const message = (
    isTemplateCode(m.template) ? { template: m.template, params: m.params } : { template: 'legacy.text', params: { text: m.template } }
  ) as Message;
  let text: string;
  try {
    text = renderMessage(message, m.locale);
  } catch {
    text = typeof m.params.number === 'string' ? m.params.number : m.template;
  }
  const firstLine = text.split('\n')[0] ?? text;
  const link = m.recipientKind === 'user' && m.complaintId ? staffComplaintLink(s, m.complaintId) : null;
  const subject = m.recipientKind === 'complainant' ? `${s.companyName}：${firstLine.slice(0, 60)}` : firstLine.slice(0, 120);
  return { subject, text: link && m.channel === 'email' ? `${text}\n\n${link}` : text };
}

export { channelsOf };
