import { usePortalI18n } from './i18n';

/** The place of the online complaint form, which comes with the channels issue. */
export function SubmitSoon() {
  const { t } = usePortalI18n();
  return (
    <section id="submit" className="p-section" data-testid="submit-soon">
      <div className="p-wrap">
        <div className="p-soon">
          <div>
            <h2>
              {t('submit.title')} <span className="p-badge">{t('submit.soon')}</span>
            </h2>
            <p className="p-muted">{t('submit.body')}</p>
          </div>
          <button type="button" className="p-button" disabled aria-disabled="true">
            {t('submit.button')}
          </button>
        </div>
      </div>
    </section>
  );
}
