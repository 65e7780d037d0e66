/**
 * A refusal shown where it belongs: a 400's field messages next to the named fields (the server
 * writes them in the page's language), a 429 as the wait in words, anything else as one message.
 */
import type { Failure } from './api';
import type { PortalI18n } from './i18n';

export interface Shown<F extends string> {
  fields: Partial<Record<F, string>>;
  /** for the alert above the button: what names no field of this form */
  general: string | null;
}

/** The form's field a server field path names: 'body.contact', 'complaint.name', 'files.0' → contact, name, files. */
function fieldOf<F extends string>(path: string, known: readonly F[]): F | undefined {
  const parts = path.split(/[.[\]]/).filter((p) => p !== '');
  for (let i = parts.length - 1; i >= 0; i--) {
    const hit = known.find((k) => k === parts[i]);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The server prefixes a field's message with its path ('contact: give a valid …'); the field's label
 * says that already. Without it, the message starts a sentence (English: a capital letter).
 */
function withoutPath(message: string): string {
  const text = message.replace(/^[\w.[\]]+: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "45 秒", "3 分钟", "1 小时 5 分钟" (rounded up to the minute from a minute on). */
export function waitInWords(seconds: number, t: PortalI18n['t']): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return t(s === 1 ? 'wait.second' : 'wait.seconds', { n: String(s) });
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return t(minutes === 1 ? 'wait.minute' : 'wait.minutes', { n: String(minutes) });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = t(h === 1 ? 'wait.hour' : 'wait.hours', { n: String(h) });
  return m === 0 ? hours : `${hours} ${t(m === 1 ? 'wait.minute' : 'wait.minutes', { n: String(m) })}`;
}

export function explain<F extends string>(failure: Failure, known: readonly F[], t: PortalI18n['t']): Shown<F> {
  if (failure.status === 0) return { fields: {}, general: t('problem.network') };
  if (failure.status === 429) {
    return {
      fields: {},
      general:
        failure.retryAfterSeconds === null
          ? t('problem.tooManyLater')
          : t('problem.tooMany', { wait: waitInWords(failure.retryAfterSeconds, t) }),
    };
  }
  if (failure.status === 401) return { fields: {}, general: t('problem.session') };
  const fields: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  for (const f of failure.fields) {
    const name = fieldOf(f.field, known);
    if (name && fields[name] === undefined) fields[name] = withoutPath(f.message);
    else if (!name) rest.push(withoutPath(f.message));
  }
  if (Object.keys(fields).length > 0) return { fields, general: rest.length > 0 ? rest.join(' ') : null };
  return { fields, general: failure.message || t('problem.failed') };
}
