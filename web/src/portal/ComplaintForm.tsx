import { useState, type FormEvent } from 'react';
import { Field, Problem, SubmitButton } from './Field';
import { FilePicker } from './FilePicker';
import { useFocusOnMount } from './hooks';
import { usePortalI18n } from './i18n';
import { explain } from './problems';
import { SendProgress } from './SendProgress';
import type { IntakeOptions, NewComplaint, Receipt } from './types';
import { submitComplaint } from './upload';

const FIELDS = [
  'name',
  'businessLine',
  'category',
  'description',
  'requestedRemedy',
  'amount',
  'product',
  'aboutComplaint',
  'phone',
  'email',
  'files',
] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<Exclude<FieldName, 'files'>, string>;
const EMPTY: Values = {
  name: '',
  businessLine: '',
  category: '',
  description: '',
  requestedRemedy: '',
  amount: '',
  product: '',
  aboutComplaint: '',
  phone: '',
  email: '',
};
const REQUIRED = ['name', 'businessLine', 'category', 'description'] as const;
const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

/**
 * Step 3: the complaint in the customer's words. Business line and category are chosen by name
 * (categories of the chosen line only); files are checked when chosen; the send shows its progress.
 */
export function ComplaintForm(props: {
  options: IntakeOptions | null;
  optionsProblem: string | null;
  token: string;
  contact: string;
  onReceipt: (receipt: Receipt) => void;
  onSessionLost: () => void;
}) {
  const { t, locale } = usePortalI18n();
  const { options } = props;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [values, setValues] = useState<Values>(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sessionLost, setSessionLost] = useState(false);
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const busy = progress !== undefined;
  const byEmail = props.contact.includes('@');
  const line = options?.businessLines.find((l) => l.code === values.businessLine);

  const set = (name: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [name]: value, ...(name === 'businessLine' ? { category: '' } : {}) }));
    if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const check = (): Partial<Record<FieldName, string>> => {
    const found: Partial<Record<FieldName, string>> = {};
    for (const f of REQUIRED) if (values[f].trim() === '') found[f] = t('form.required', { field: t(`complaint.${f}`) });
    const amount = values.amount.replace(/[,，\s]/g, '');
    if (amount !== '' && !AMOUNT.test(amount)) found.amount = t('complaint.amountInvalid');
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !options) return;
    setProblem(null);
    const found = check();
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) return document.getElementById(`complaint-${first}`)?.focus();
    const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
    const complaint: NewComplaint = {
      channel: 'web',
      name: values.name.trim(),
      businessLine: values.businessLine,
      category: values.category,
      description: values.description.trim(),
      requestedRemedy: text(values.requestedRemedy),
      amount: text(values.amount.replace(/[,，\s]/g, '')),
      product: text(values.product),
      aboutComplaint: text(values.aboutComplaint)?.toUpperCase(),
      ...(byEmail ? { phone: text(values.phone) } : { email: text(values.email) }),
    };
    setProgress(null);
    const answer = await submitComplaint(props.token, complaint, files, locale, setProgress);
    setProgress(undefined);
    if (answer.ok) return props.onReceipt(answer.value);
    const shown = explain(answer, FIELDS, t);
    setErrors(shown.fields);
    setProblem(shown.general);
    setSessionLost(answer.status === 401);
    const named = FIELDS.find((f) => shown.fields[f]);
    if (named) document.getElementById(`complaint-${named}`)?.focus();
  };

  const text = (name: keyof Values, opts: { optional?: boolean; hint?: string; rows?: number; max: number; autoComplete?: string }) => (
    <Field id={`complaint-${name}`} label={t(`complaint.${name}`)} hint={opts.hint} error={errors[name]} optional={opts.optional}>
      {(control) =>
        opts.rows ? (
          <textarea
            {...control}
            rows={opts.rows}
            maxLength={opts.max}
            value={values[name]}
            onChange={(e) => set(name, e.target.value)}
            disabled={busy}
            data-testid={`complaint-${name}`}
          />
        ) : (
          <input
            {...control}
            maxLength={opts.max}
            value={values[name]}
            onChange={(e) => set(name, e.target.value)}
            disabled={busy}
            autoComplete={opts.autoComplete ?? 'off'}
            inputMode={name === 'amount' ? 'decimal' : name === 'phone' ? 'tel' : name === 'email' ? 'email' : undefined}
            data-testid={`complaint-${name}`}
          />
        )
      }
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate data-testid="complaint-form" aria-busy={busy}>
      <h3 ref={heading} tabIndex={-1} className="p-step-title">
        {t('complaint.title')}
      </h3>
      <p className="p-verified" data-testid="complaint-verified">
        {t('complaint.verified', { contact: props.contact })}
      </p>
      <Problem text={props.optionsProblem} testId="complaint-options-problem" />
      {text('name', { max: 100, autoComplete: 'name' })}
      <Field
        id="complaint-businessLine"
        label={t('complaint.businessLine')}
        hint={t('complaint.businessLineHint')}
        error={errors.businessLine}
      >
        {(control) => (
          <select
            {...control}
            value={values.businessLine}
            onChange={(e) => set('businessLine', e.target.value)}
            disabled={busy || !options}
            data-testid="complaint-businessLine"
          >
            <option value="">{t('complaint.choose')}</option>
            {(['insurance', 'securities'] as const).map((sector) => (
              <optgroup key={sector} label={t(`complaint.sector.${sector}`)}>
                {options?.businessLines
                  .filter((l) => l.sector === sector)
                  .map((l) => (
                    <option key={l.code} value={l.code}>
                      {l.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="complaint-category"
        label={t('complaint.category')}
        hint={line ? undefined : t('complaint.categoryFirst')}
        error={errors.category}
      >
        {(control) => (
          <select
            {...control}
            value={values.category}
            onChange={(e) => set('category', e.target.value)}
            disabled={busy || !line}
            data-testid="complaint-category"
          >
            <option value="">{t('complaint.choose')}</option>
            {line?.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('description', { rows: 6, max: 10_000, hint: t('complaint.descriptionHint') })}
      {text('requestedRemedy', { rows: 3, max: 2_000, optional: true, hint: t('complaint.requestedRemedyHint') })}
      {text('amount', { max: 20, optional: true, hint: t('complaint.amountHint') })}
      {text('product', { max: 200, optional: true, hint: t('complaint.productHint') })}
      {text('aboutComplaint', { max: 64, optional: true, hint: t('complaint.aboutComplaintHint') })}
      {byEmail
        ? text('phone', { max: 40, optional: true, autoComplete: 'tel' })
        : text('email', { max: 200, optional: true, autoComplete: 'email' })}
      {options && (
        <FilePicker
          id="complaint-files"
          limits={options.attachments}
          files={files}
          onChange={setFiles}
          disabled={busy}
          error={errors.files}
        />
      )}
      <Problem text={problem} testId="complaint-problem" />
      {sessionLost && (
        <button type="button" className="p-button" onClick={props.onSessionLost}>
          {t('problem.verifyAgain')}
        </button>
      )}
      <SendProgress progress={progress} withFiles={files.length > 0} />
      <SubmitButton
        busy={busy}
        disabled={!options}
        label={t('complaint.submit')}
        busyLabel={t('complaint.sending')}
        testId="complaint-submit"
      />
    </form>
  );
}
