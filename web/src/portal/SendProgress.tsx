import { usePortalI18n } from './i18n';

/**
 * A send under way: the upload's progress bar (XMLHttpRequest upload events) and its words for
 * screen readers. `progress`: undefined when nothing is being sent, null before the first event.
 * The live region stays in the page, so that its words are announced when they appear.
 */
export function SendProgress({ progress, withFiles }: { progress: number | null | undefined; withFiles: boolean }) {
  const { t } = usePortalI18n();
  const percent = progress === null || progress === undefined ? null : Math.min(100, Math.round(progress * 100));
  const words =
    progress === undefined
      ? ''
      : percent === null || !withFiles
        ? t('send.sending')
        : percent >= 100
          ? t('send.processing')
          : t('send.uploading', { percent: String(percent) });
  return (
    <div className="p-send-progress" data-testid="send-progress">
      {progress !== undefined && withFiles && (
        <progress max={100} value={percent ?? undefined} aria-label={t('send.progressLabel')}>
          {percent === null ? '' : `${percent}%`}
        </progress>
      )}
      <p aria-live="polite" className="p-live">
        {words}
      </p>
    </div>
  );
}
