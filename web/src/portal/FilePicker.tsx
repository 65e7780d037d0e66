import { useState } from 'react';
import { acceptOf, addFiles, sizeInWords, typesInWords } from './file-rules';
import { Field } from './Field';
import { usePortalI18n } from './i18n';
import type { AttachmentLimits } from './types';

/**
 * Attachments: the limits stated before choosing (kinds in words, the largest size, how many), each
 * chosen file checked at once (refused in words, never sent), the list with a remove button each.
 */
export function FilePicker(props: {
  id: string;
  limits: AttachmentLimits;
  files: readonly File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
  /** the server's message about the files, if it refused them */
  error?: string;
}) {
  const { t } = usePortalI18n();
  const { id, limits, files, onChange } = props;
  const [refused, setRefused] = useState<string[]>([]);
  const error = [...refused, ...(props.error ? [props.error] : [])].join(' ') || undefined;
  const hint = (
    <span data-testid={`${id}-limits`}>
      {t('files.limits', { types: typesInWords(limits, t), max: sizeInWords(limits.maxBytes), count: String(limits.maxFiles) })}
    </span>
  );
  return (
    <Field id={id} label={t('files.label')} hint={hint} error={error} optional hintFirst>
      {(control) => (
        <div className="p-files">
          <input
            {...control}
            type="file"
            multiple={limits.maxFiles > 1}
            accept={acceptOf(limits)}
            disabled={props.disabled || files.length >= limits.maxFiles}
            data-testid={id}
            onChange={(e) => {
              const chosen = Array.from(e.target.files ?? []);
              e.target.value = ''; // the same file may be chosen again after removing it
              const next = addFiles(files, chosen, limits, t);
              setRefused(next.refused);
              if (next.files.length !== files.length) onChange(next.files);
            }}
          />
          {files.length > 0 && (
            <ul className="p-file-list" aria-label={t('files.chosen', { count: String(files.length), max: String(limits.maxFiles) })}>
              {files.map((f) => (
                <li key={`${f.name}:${f.size}`} data-testid="chosen-file">
                  <span className="p-file-name">{f.name}</span>
                  <span className="p-file-size">{sizeInWords(f.size)}</span>
                  <button
                    type="button"
                    className="p-text-button"
                    disabled={props.disabled}
                    aria-label={t('files.removeNamed', { name: f.name })}
                    onClick={() => {
                      setRefused([]);
                      onChange(files.filter((x) => x !== f));
                    }}
                  >
                    {t('files.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}
