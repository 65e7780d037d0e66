import { useState, type FormEvent } from 'react';
import { answerSurvey } from './api';
import { Field, Problem, SubmitButton } from './Field';
import { usePortalI18n } from './i18n';
import type { PortalKey } from './messages';
import { explain } from './problems';

const FIELDS = ['satisfied', 'score', 'comment'] as const;
type FieldName = (typeof FIELDS)[number];
const SCORES = [5, 4, 3, 2, 1] as const;

/** The satisfaction survey, answered online (the workflow's record_survey, method online; R-F1). */
export function SurveyForm(props: { number: string; token: string; onAnswered: () => void }) {
  const { t, locale } = usePortalI18n();
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    const missing: Partial<Record<FieldName, string>> = {};
    if (satisfied === null) missing.satisfied = t('survey.chooseSatisfied');
    if (score === null) missing.score = t('survey.chooseScore');
    setErrors(missing);
    const first = FIELDS.find((f) => missing[f]);
    if (first || satisfied === null || score === null) return document.querySelector<HTMLInputElement>(`[name="survey-${first}"]`)?.focus();
    setBusy(true);
    const answer = await answerSurvey(props.number, props.token, { satisfied, score, comment: comment.trim() || undefined }, locale);
    setBusy(false);
    if (answer.ok) return props.onAnswered();
    const shown = explain(answer, FIELDS, t);
    setErrors(shown.fields);
    setProblem(shown.general);
  };

  const group = (
    name: 'satisfied' | 'score',
    legend: string,
    choices: ReadonlyArray<{ value: string; label: string; checked: boolean; pick: () => void }>,
  ) => (
    <fieldset
      className="p-choice-group"
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={errors[name] ? `survey-${name}-error` : undefined}
      data-testid={`survey-${name}`}
    >
      <legend>{legend}</legend>
      <div className={name === 'score' ? 'p-choices p-choices-score' : 'p-choices'}>
        {choices.map((c) => (
          <label key={c.value} className={c.checked ? 'p-choice p-choice-on' : 'p-choice'}>
            <input
              type="radio"
              name={`survey-${name}`}
              value={c.value}
              checked={c.checked}
              onChange={() => {
                c.pick();
                setErrors((e) => ({ ...e, [name]: undefined }));
              }}
              disabled={busy}
            />
            {c.label}
          </label>
        ))}
      </div>
      <span id={`survey-${name}-error`} className="p-field-error" aria-live="polite">
        {errors[name] ?? ''}
      </span>
    </fieldset>
  );

  return (
    <section className="p-card p-survey" aria-labelledby="survey-title" data-testid="survey">
      <h3 id="survey-title">{t('survey.title')}</h3>
      <p className="p-muted">{t('survey.lead')}</p>
      <form onSubmit={submit} noValidate>
        {group('satisfied', t('survey.satisfied'), [
          { value: 'yes', label: t('survey.yes'), checked: satisfied === true, pick: () => setSatisfied(true) },
          { value: 'no', label: t('survey.no'), checked: satisfied === false, pick: () => setSatisfied(false) },
        ])}
        {group(
          'score',
          t('survey.score'),
          SCORES.map((s) => ({
            value: String(s),
            label: t(`survey.score${s}` as PortalKey),
            checked: score === s,
            pick: () => setScore(s),
          })),
        )}
        <Field id="survey-comment" label={t('survey.comment')} error={errors.comment} optional>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              disabled={busy}
              data-testid="survey-comment"
            />
          )}
        </Field>
        <Problem text={problem} testId="survey-problem" />
        <SubmitButton busy={busy} label={t('survey.submit')} busyLabel={t('form.busy')} testId="survey-submit" />
      </form>
    </section>
  );
}
