import { useState, type FormEvent } from 'react';
import type { Result } from './api';
import { Field, Problem, SubmitButton } from './Field';
import { useCountdown, useFocusOnMount } from './hooks';
import { usePortalI18n } from './i18n';
import { explain } from './problems';
import type { CodeSent, Session } from './types';

/**
 * The one-time code: where it went (masked), the code field, a resend button with its countdown,
 * and a way back to change the contact. The session token goes to `onVerified`.
 */
export function CodeStep(props: {
  idPrefix: string;
  sent: CodeSent;
  codeLength?: number;
  verify: (code: string) => Promise<Result<Session>>;
  resend: () => Promise<Result<CodeSent>>;
  onVerified: (session: Session) => void;
  onBack: () => void;
}) {
  const { t } = usePortalI18n();
  const { idPrefix: id } = props;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [sent, setSent] = useState(props.sent);
  const [left, restart] = useCountdown(props.sent.resendAfterSeconds);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const validMinutes = Math.max(1, Math.round((new Date(sent.expiresAt).getTime() - Date.now()) / 60_000));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    setNotice('');
    const value = code.replace(/\s+/g, '');
    if (value === '') {
      setError(t('form.required', { field: t('code.label') }));
      return document.getElementById(`${id}-code`)?.focus();
    }
    setError(undefined);
    setBusy(true);
    const answer = await props.verify(value);
    setBusy(false);
    if (answer.ok) return props.onVerified(answer.value);
    const shown = explain(answer, ['code'] as const, t);
    setError(shown.fields.code);
    setProblem(shown.general);
    if (answer.code === 'code_attempts_exceeded' || answer.code === 'code_expired') setCode('');
    if (shown.fields.code) document.getElementById(`${id}-code`)?.focus();
  };

  const again = async () => {
    setProblem(null);
    setError(undefined);
    setNotice('');
    setBusy(true);
    const answer = await props.resend();
    setBusy(false);
    if (!answer.ok) return setProblem(explain(answer, [], t).general);
    setSent(answer.value);
    restart(answer.value.resendAfterSeconds);
    setCode('');
    setNotice(t('code.resent', { to: answer.value.sentTo }));
  };

  return (
    <form onSubmit={submit} noValidate data-testid={`${id}-code-form`}>
      <h3 ref={heading} tabIndex={-1} className="p-step-title">
        {t('code.title')}
      </h3>
      <p data-testid={`${id}-sent-to`}>{t('code.sentTo', { to: sent.sentTo, minutes: String(validMinutes) })}</p>
      <Field id={`${id}-code`} label={t('code.label')} error={error} hint={t('code.hint')}>
        {(control) => (
          <input
            {...control}
            className="p-code-input"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={(props.codeLength ?? 8) + 4}
            data-testid={`${id}-code`}
          />
        )}
      </Field>
      <p className="p-live" aria-live="polite" data-testid={`${id}-code-notice`}>
        {notice}
      </p>
      <Problem text={problem} testId={`${id}-code-problem`} />
      <SubmitButton busy={busy} label={t('code.verify')} busyLabel={t('form.busy')} testId={`${id}-verify`} />
      <div className="p-row-actions">
        <button type="button" className="p-text-button" onClick={props.onBack} disabled={busy}>
          {t('code.change')}
        </button>
        <button type="button" className="p-text-button" onClick={again} disabled={busy || left > 0} data-testid={`${id}-resend`}>
          {left > 0 ? t('code.resendIn', { n: String(left) }) : t('code.resend')}
        </button>
      </div>
    </form>
  );
}
