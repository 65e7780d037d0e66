/**
 * From a template's text and a message's parameters to what leaves (#11 item 5), shared by the
 * sending (message-render.service.ts) and the administrators' preview: the link the message
 * offers, the placeholder values, and the e-mail subject, e-mail text and SMS text.
 */
import type { Locale, TemplateParams } from '../../domain/messages/message-templates.js';
import {
  renderTemplate,
  scanTemplate,
  templateAudience,
  templateValues,
  type EditableTemplateCode,
  type TemplateText,
} from '../../domain/messages/outgoing-templates.js';
import { staffComplaintLink, trackLink, type ChannelSettings } from './channel-settings.js';

/** What is being written, to whom. */
export interface TemplateTarget {
  code: EditableTemplateCode;
  /** the message's parameters (TemplateParams of the code, as stored: checked by reading) */
  params: object;
  locale: Locale;
  timeZone: string;
  complaintId: string | null;
}

/**
 * The `link` of a message: the portal's tracking page for a complainant, the complaint's page for
 * staff, else the page the notice is about (the calendar import, the notifications, the audit log).
 */
export function messageLink(s: ChannelSettings, t: Pick<TemplateTarget, 'code' | 'params' | 'complaintId'>): string {
  const params: Readonly<Record<string, unknown>> = { ...t.params };
  const given = typeof params.link === 'string' ? params.link : null;
  const absolute = (path: string) => (/^https?:\/\//.test(path) ? path : `${s.publicUrl}${path.startsWith('/') ? '' : '/'}${path}`);
  if (templateAudience(t.code) === 'complainant') {
    if (given) return absolute(given);
    return typeof params.number === 'string' ? trackLink(s, params.number) : s.publicUrl;
  }
  if (t.complaintId) return staffComplaintLink(s, t.complaintId);
  if (given) return absolute(given);
  if (t.code === 'staff.digest') return absolute('/notifications');
  if (t.code === 'security.sign_in_attack') return absolute('/admin/audit');
  return s.publicUrl;
}

/** A message's rendering: the e-mail's subject and text, and the text of an SMS (before the signature). */
export interface ComposedMessage {
  subject: string;
  email: string;
  sms: string;
}

/**
 * The template filled in with the message's values. A staff e-mail whose body does not place
 * `{{link}}` itself ends with the link to the complaint (as before templates were editable); the
 * SMS is the body as it is. Throws (TemplateError) when the text cannot be filled in.
 */
export function composeMessage(s: ChannelSettings, text: TemplateText, t: TemplateTarget): ComposedMessage {
  const link = messageLink(s, t);
  const values = templateValues(t.code, t.params as TemplateParams[EditableTemplateCode], {
    locale: t.locale,
    timeZone: t.timeZone,
    companyName: s.companyName,
    link,
  });
  const filled = renderTemplate(text, values);
  const placesLink = scanTemplate(text.body).names.includes('link');
  const appendLink = templateAudience(t.code) === 'staff' && t.complaintId !== null && !placesLink;
  return { subject: filled.subject, email: appendLink ? `${filled.body}\n\n${link}` : filled.body, sms: filled.body };
}
