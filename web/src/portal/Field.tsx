import type { ReactNode } from 'react';
import { usePortalI18n } from './i18n';

/** What a control needs to be named and described: its id, and its hint and error by id. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form field: the label, the control (from `children`), a hint and the error, both tied
 * to the control by aria-describedby; the error is also marked aria-invalid and announced.
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** the hint above the control (what must be known before using it: the attachment limits) */
  hintFirst?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t } = usePortalI18n();
  const { id, label, hint, error, optional } = props;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x) => x !== null).join(' ');
  const hintText = hint && (
    <span id={`${id}-hint`} className="p-hint">
      {hint}
    </span>
  );
  return (
    <div className="p-field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="p-optional"> {t('form.optional')}</span>}
      </label>
      {props.hintFirst && hintText}
      {props.children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {!props.hintFirst && hintText}
      <span id={`${id}-error`} className="p-field-error" aria-live="polite" data-testid={`${id}-error`}>
        {error ?? ''}
      </span>
    </div>
  );
}

/** The alert above a form's button: announced when it appears (role=alert). */
export function Problem({ text, testId }: { text: string | null; testId: string }) {
  if (!text) return null;
  return (
    <p className="p-alert" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}

/**
 * A form's main button. While the form is busy it stays focusable (aria-disabled, clicks ignored)
 * instead of disabled, so the keyboard focus is not lost when the answer comes back.
 */
export function SubmitButton(props: { busy: boolean; disabled?: boolean; label: string; busyLabel: string; testId: string }) {
  const off = props.busy || props.disabled === true;
  return (
    <button
      type="submit"
      className="p-button p-button-primary"
      aria-disabled={off ? true : undefined}
      onClick={(e) => {
        if (off) e.preventDefault();
      }}
      data-testid={props.testId}
    >
      {props.busy ? props.busyLabel : props.label}
    </button>
  );
}
