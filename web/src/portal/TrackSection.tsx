import { useState, type FormEvent } from 'react';
import { openSession, requestCode, trackComplaint } from './api';
import { CodeStep } from './CodeStep';
import { Field, Problem, SubmitButton } from './Field';
import { usePortalI18n } from './i18n';
import type { PortalKey } from './messages';
import { explain } from './problems';
import { TrackResult } from './TrackResult';
import type { CodeSent, TrackView } from './types';

const FIELDS = ['number', 'contact'] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * Tracking: number and contact, then a one-time code sent to that contact, which opens the
 * complaint (its progress, the messages, adding information, the survey) in `onOpen`. A quick look
 * at the status alone, without a code, stays as the first portal had it.
 */
export function TrackSection({ onOpen }: { onOpen: (number: string, token: string) => void }) {
  const { t, locale } = usePortalI18n();
  const [number, setNumber] = useState(() => new URLSearchParams(window.location.search).get('number') ?? '');
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [view, setView] = useState<TrackView | null>(null);
  const [sent, setSent] = useState<CodeSent | null>(null);

  /** The form's fields, checked here first; null when one is missing. */
  const filled = (): { number: string; contact: string } | null => {
    const missing: Partial<Record<FieldName, string>> = {};
    if (number.trim() === '') missing.number = t('form.required', { field: t('track.number') });
    if (contact.trim() === '') missing.contact = t('form.required', { field: t('track.contact') });
    setErrors(missing);
    setProblem(null);
    const first = FIELDS.find((f) => missing[f]);
    if (first) {
      document.getElementById(`track-${first}`)?.focus();
      return null;
    }
    return { number: number.trim(), contact: contact.trim() };
  };

  const show = (failure: Parameters<typeof explain>[0]) => {
    const shown = explain(failure, FIELDS, t);
    setErrors(shown.fields);
    setProblem(failure.code === 'track_not_found' ? t('track.notFound') : shown.general);
    const named = FIELDS.find((f) => shown.fields[f]);
    if (named) document.getElementById(`track-${named}`)?.focus();
  };

  const sendCode = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const values = filled();
    if (!values) return;
    setBusy(true);
    const answer = await requestCode({ purpose: 'track', ...values }, locale);
    setBusy(false);
    if (answer.ok) {
      setView(null);
      setSent(answer.value);
    } else show(answer);
  };

  const quickLook = async () => {
    if (busy) return;
    const values = filled();
    if (!values) return;
    setBusy(true);
    const answer = await trackComplaint(values.number, values.contact, locale);
    setBusy(false);
    setView(answer.ok ? answer.value : null);
    if (!answer.ok) show(answer);
  };

  const input = (name: FieldName, value: string, set: (v: string) => void, label: PortalKey, hint: PortalKey, autoComplete: string) => (
    <Field id={`track-${name}`} label={t(label)} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          name={name}
          value={value}
          onChange={(e) => set(e.target.value)}
          placeholder={t(hint)}
          autoComplete={autoComplete}
          maxLength={name === 'number' ? 40 : 200}
          data-testid={`track-${name}`}
        />
      )}
    </Field>
  );

  return (
    <section id="track" className="p-card p-track" aria-labelledby="track-title">
      <h2 id="track-title" tabIndex={-1}>
        {t('track.title')}
      </h2>
      {sent ? (
        <CodeStep
          idPrefix="track"
          sent={sent}
          verify={(code) => openSession({ purpose: 'track', number: number.trim(), contact: contact.trim(), code }, locale)}
          resend={() => requestCode({ purpose: 'track', number: number.trim(), contact: contact.trim() }, locale)}
          onVerified={(session) => {
            setSent(null);
            onOpen(number.normalize('NFKC').trim().toUpperCase(), session.token);
          }}
          onBack={() => setSent(null)}
        />
      ) : (
        <>
          <p className="p-muted">{t('track.lead')}</p>
          <form onSubmit={sendCode} noValidate data-testid="track-form">
            {input('number', number, setNumber, 'track.number', 'track.numberHint', 'off')}
            {input('contact', contact, setContact, 'track.contact', 'track.contactHint', 'on')}
            <Problem text={problem} testId="track-error" />
            <SubmitButton busy={busy} label={t('track.sendCode')} busyLabel={t('form.busy')} testId="track-send-code" />
            <button
              type="button"
              className="p-text-button p-quick"
              onClick={quickLook}
              aria-disabled={busy || undefined}
              data-testid="track-submit"
            >
              {t('track.quick')}
            </button>
          </form>
          <div aria-live="polite">{view && <TrackResult view={view} />}</div>
        </>
      )}
    </section>
  );
}
