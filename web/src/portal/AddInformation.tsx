import { useState, type FormEvent } from 'react';
import { Field, Problem, SubmitButton } from './Field';
import { FilePicker } from './FilePicker';
import { useIntakeOptions } from './hooks';
import { usePortalI18n } from './i18n';
import { explain } from './problems';
import { SendProgress } from './SendProgress';
import { addInformation } from './upload';

const FIELDS = ['text', 'files'] as const;

/** More information and files from the customer, added to the complaint's thread (R-B4). */
export function AddInformation(props: { number: string; token: string; onAdded: () => void }) {
  const { t, locale } = usePortalI18n();
  const { options, problem: optionsProblem } = useIntakeOptions();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const busy = progress !== undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    setDone('');
    // a file alone is enough; otherwise there must be words
    if (text.trim() === '' && files.length === 0) {
      setErrors({ text: t('form.required', { field: t('add.text') }) });
      return document.getElementById('add-text')?.focus();
    }
    setErrors({});
    setProgress(null);
    const answer = await addInformation(props.number, props.token, text.trim(), files, locale, setProgress);
    setProgress(undefined);
    if (answer.ok) {
      setText('');
      setFiles([]);
      setDone(t('add.done'));
      props.onAdded();
      return;
    }
    const shown = explain(answer, FIELDS, t);
    setErrors(shown.fields);
    setProblem(shown.general);
  };

  return (
    <section className="p-card" aria-labelledby="add-title" data-testid="add-information">
      <h3 id="add-title">{t('add.title')}</h3>
      <p className="p-muted">{t('add.lead')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Field id="add-text" label={t('add.text')} error={errors.text}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={20_000}
              value={text}
              onChange={(e) => setText(e.target.value)}
              disabled={busy}
              data-testid="add-text"
            />
          )}
        </Field>
        <Problem text={optionsProblem} testId="add-options-problem" />
        {options && (
          <FilePicker id="add-files" limits={options.attachments} files={files} onChange={setFiles} disabled={busy} error={errors.files} />
        )}
        <Problem text={problem} testId="add-problem" />
        <SendProgress progress={progress} withFiles={files.length > 0} />
        <p className="p-live p-ok" aria-live="polite" data-testid="add-done">
          {done}
        </p>
        <SubmitButton busy={busy} label={t('add.submit')} busyLabel={t('complaint.sending')} testId="add-submit" />
      </form>
    </section>
  );
}
