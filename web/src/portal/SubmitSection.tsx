import { useState, type FormEvent } from 'react';
import { openSession, requestCode } from './api';
import { CodeStep } from './CodeStep';
import { ComplaintForm } from './ComplaintForm';
import { Field, Problem, SubmitButton } from './Field';
import { useFocusOnMount, useIntakeOptions } from './hooks';
import { usePortalI18n } from './i18n';
import type { PortalKey } from './messages';
import { explain } from './problems';
import { Receipt } from './Receipt';
import type { CodeSent, Receipt as ReceiptAnswer } from './types';

type Step = 'contact' | 'code' | 'form' | 'receipt';
const STEPS: ReadonlyArray<{ step: Step; label: PortalKey }> = [
  { step: 'contact', label: 'submit.step.contact' },
  { step: 'code', label: 'submit.step.code' },
  { step: 'form', label: 'submit.step.form' },
  { step: 'receipt', label: 'submit.step.receipt' },
];

/**
 * Online submission (policy §2.1 online platform, R-B1): the contact is verified with a one-time
 * code, then the complaint with its files, then the receipt with the number and the expected time.
 */
export function SubmitSection({ onTrack }: { onTrack: (number: string, token: string) => void }) {
  const { t, locale } = usePortalI18n();
  const [step, setStep] = useState<Step>('contact');
  const [started, setStarted] = useState(false);
  const [contact, setContact] = useState('');
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ReceiptAnswer | null>(null);
  const { options, problem: optionsProblem } = useIntakeOptions();

  const go = (next: Step) => {
    setStarted(true);
    setStep(next);
  };

  return (
    <section id="submit" className="p-section" aria-labelledby="submit-title" data-testid="submit-section">
      <div className="p-wrap p-narrow">
        <h2 id="submit-title">{t('submit.title')}</h2>
        <p className="p-muted">{t('submit.lead')}</p>
        <ol className="p-progress-steps" aria-label={t('submit.stepsLabel')}>
          {STEPS.map((s, i) => (
            <li key={s.step} aria-current={s.step === step ? 'step' : undefined} className={s.step === step ? 'p-current' : ''}>
              <span className="p-progress-no" aria-hidden="true">
                {i + 1}
              </span>
              {t(s.label)}
            </li>
          ))}
        </ol>
        <div className="p-card p-step-card">
          {step === 'contact' && (
            <ContactStep
              focus={started}
              contact={contact}
              setContact={setContact}
              onSent={(answer) => {
                setSent(answer);
                go('code');
              }}
            />
          )}
          {step === 'code' && sent && (
            <CodeStep
              idPrefix="submit"
              sent={sent}
              codeLength={options?.codeLength}
              verify={(code) => openSession({ purpose: 'submit', contact: contact.trim(), code }, locale)}
              resend={() => requestCode({ purpose: 'submit', contact: contact.trim() }, locale)}
              onVerified={(session) => {
                setToken(session.token);
                go('form');
              }}
              onBack={() => go('contact')}
            />
          )}
          {step === 'form' && token && sent && (
            <ComplaintForm
              options={options}
              optionsProblem={optionsProblem}
              token={token}
              contact={contact.trim()}
              onReceipt={(answer) => {
                setReceipt(answer);
                go('receipt');
              }}
              onSessionLost={() => {
                setToken(null);
                go('contact');
              }}
            />
          )}
          {step === 'receipt' && receipt && sent && (
            <Receipt
              receipt={receipt}
              sentTo={sent.sentTo}
              onTrack={() => onTrack(receipt.number, receipt.token)}
              onAnother={() => {
                setReceipt(null);
                setToken(null);
                setSent(null);
                go('contact');
              }}
            />
          )}
        </div>
      </div>
    </section>
  );
}

/** Step 1: the phone number or e-mail address the code goes to (and the answer, later). */
function ContactStep(props: { focus: boolean; contact: string; setContact: (v: string) => void; onSent: (sent: CodeSent) => void }) {
  const { t, locale } = usePortalI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>(props.focus);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    const contact = props.contact.trim();
    if (contact === '') {
      setError(t('form.required', { field: t('submit.contact') }));
      return document.getElementById('submit-contact')?.focus();
    }
    setError(undefined);
    setBusy(true);
    const answer = await requestCode({ purpose: 'submit', contact }, locale);
    setBusy(false);
    if (answer.ok) return props.onSent(answer.value);
    const shown = explain(answer, ['contact'] as const, t);
    setError(shown.fields.contact);
    setProblem(shown.general);
    if (shown.fields.contact) document.getElementById('submit-contact')?.focus();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="submit-contact-form">
      <h3 ref={heading} tabIndex={-1} className="p-step-title">
        {t('submit.contactTitle')}
      </h3>
      <p className="p-muted">{t('submit.contactLead')}</p>
      <Field id="submit-contact" label={t('submit.contact')} hint={t('track.contactHint')} error={error}>
        {(control) => (
          <input
            {...control}
            value={props.contact}
            onChange={(e) => props.setContact(e.target.value)}
            autoComplete="on"
            maxLength={200}
            data-testid="submit-contact"
          />
        )}
      </Field>
      <Problem text={problem} testId="submit-contact-problem" />
      <SubmitButton busy={busy} label={t('submit.sendCode')} busyLabel={t('form.busy')} testId="submit-send-code" />
    </form>
  );
}
