import { useState, type FormEvent } from 'react';
import { trackComplaint } from './api';
import { usePortalI18n } from './i18n';
import type { PortalKey } from './messages';
import { TrackResult } from './TrackResult';
import type { TrackView } from './types';

type Field = 'number' | 'contact';
type Problem = { kind: 'code'; key: PortalKey } | { kind: 'server'; message: string };

/** A field's message from the server, without its 'field: ' prefix. */
function fieldMessage(fields: ReadonlyArray<{ field: string; message: string }>, name: Field): string | undefined {
  const f = fields.find((x) => x.field === name || x.field === `body.${name}`);
  return f?.message.replace(new RegExp(`^${name}: `), '');
}

/** Number plus contact verification; the answer or one generic "not found" message. */
export function TrackSection() {
  const { t, locale } = usePortalI18n();
  const [number, setNumber] = useState(() => new URLSearchParams(window.location.search).get('number') ?? '');
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [view, setView] = useState<TrackView | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (number.trim() === '') missing.number = t('track.required', { field: t('track.number') });
    if (contact.trim() === '') missing.contact = t('track.required', { field: t('track.contact') });
    setFieldErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    const answer = await trackComplaint(number.trim(), contact.trim(), locale);
    setBusy(false);
    if (answer.ok) {
      setView(answer.view);
      return;
    }
    setView(null);
    if (answer.status === 400 && answer.fields.length > 0) {
      setFieldErrors({ number: fieldMessage(answer.fields, 'number'), contact: fieldMessage(answer.fields, 'contact') });
    } else if (answer.code === 'track_not_found') setProblem({ kind: 'code', key: 'track.notFound' });
    else if (answer.status === 429) setProblem({ kind: 'code', key: 'track.tooMany' });
    else setProblem(answer.message ? { kind: 'server', message: answer.message } : { kind: 'code', key: 'track.failed' });
  };

  const input = (name: Field, value: string, set: (v: string) => void, label: PortalKey, hint: PortalKey, autoComplete: string) => (
    <div className="p-field">
      <label htmlFor={`track-${name}`}>{t(label)}</label>
      <input
        id={`track-${name}`}
        name={name}
        value={value}
        onChange={(e) => set(e.target.value)}
        placeholder={t(hint)}
        autoComplete={autoComplete}
        maxLength={name === 'number' ? 40 : 200}
        aria-invalid={fieldErrors[name] ? true : undefined}
        aria-describedby={fieldErrors[name] ? `track-${name}-error` : undefined}
        data-testid={`track-${name}`}
      />
      {fieldErrors[name] && (
        <span id={`track-${name}-error`} className="p-field-error">
          {fieldErrors[name]}
        </span>
      )}
    </div>
  );

  return (
    <section id="track" className="p-card p-track" aria-labelledby="track-title">
      <h2 id="track-title">{t('track.title')}</h2>
      <p className="p-muted">{t('track.lead')}</p>
      <form onSubmit={submit} noValidate data-testid="track-form">
        {input('number', number, setNumber, 'track.number', 'track.numberHint', 'off')}
        {input('contact', contact, setContact, 'track.contact', 'track.contactHint', 'on')}
        <button type="submit" className="p-button p-button-primary" disabled={busy} data-testid="track-submit">
          {busy ? t('track.busy') : t('track.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {problem && (
          <p className="p-alert" role="alert" data-testid="track-error">
            {problem.kind === 'code' ? t(problem.key) : problem.message}
          </p>
        )}
        {view && <TrackResult view={view} />}
      </div>
    </section>
  );
}
