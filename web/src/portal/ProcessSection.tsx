import { usePortalI18n } from './i18n';

const STEPS = ['received', 'graded', 'investigated', 'resolved', 'answered', 'followup'] as const;

/** How a complaint is handled (policy §2–§5), in the customer's words. */
export function ProcessSection() {
  const { t } = usePortalI18n();
  return (
    <section id="process" className="p-section p-section-alt" data-testid="portal-process">
      <div className="p-wrap">
        <h2>{t('process.title')}</h2>
        <ol className="p-steps">
          {STEPS.map((s, i) => (
            <li key={s} className="p-step">
              <span className="p-step-no" aria-hidden="true">
                {i + 1}
              </span>
              <h3>{t(`process.${s}.title`)}</h3>
              <p>{t(`process.${s}.body`)}</p>
            </li>
          ))}
        </ol>
        <p className="p-note">{t('process.deadline')}</p>
        <p className="p-note">{t('process.supervision')}</p>
      </div>
    </section>
  );
}
