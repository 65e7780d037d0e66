import { usePortalI18n } from './i18n';
import { durationText, type PortalProcess } from './publicity';

const STEPS = ['received', 'graded', 'investigated', 'resolved', 'answered', 'followup'] as const;

/**
 * How a complaint is handled (policy §2–§5), in the customer's words, with the time limits of the
 * policy in force (GET /api/public/portal-info): a newly published policy changes them here.
 */
export function ProcessSection({ process }: { process: PortalProcess | null }) {
  const { t, locale } = usePortalI18n();
  const d = (x: PortalProcess['acknowledgment']) => durationText(x, locale);
  const params = (step: (typeof STEPS)[number]): Record<string, string> | undefined => {
    if (!process) return undefined;
    if (step === 'received')
      return { ack: d(process.acknowledgment), urgent: d(process.urgentInitialResponse), online: d(process.onlineFirstReply) };
    if (step === 'followup')
      return {
        followup: d(process.satisfactionFollowup),
        round: String(process.reopen.formalReviewFromRound),
        reviewer: t(`process.reviewer.${process.reopen.formalReviewBy}`),
        review: d(process.reopen.formalReview),
      };
    return undefined;
  };
  return (
    <section id="process" className="p-section p-section-alt" data-testid="portal-process">
      <div className="p-wrap">
        <h2>{t('process.title')}</h2>
        <ol className="p-steps">
          {STEPS.map((s, i) => (
            <li key={s} className="p-step" data-testid={`process-${s}`}>
              <span className="p-step-no" aria-hidden="true">
                {i + 1}
              </span>
              <h3>{t(`process.${s}.title`)}</h3>
              {(process || (s !== 'received' && s !== 'followup')) && <p>{t(`process.${s}.body`, params(s))}</p>}
              {s === 'answered' && process && (
                <ul className="p-levels" data-testid="process-levels">
                  {process.levels.map((l) => (
                    <li key={l.level}>{t(`process.level.${l.level}`, { answer: d(l.answer), reply: d(process.level2FirstReply) })}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {process && (
          <>
            <p className="p-note" data-testid="process-deadline">
              {t('process.deadline', { days: String(process.regulatory.decisionDays), extended: String(process.regulatory.extendedDays) })}
            </p>
            <p className="p-note">{t('process.supervision')}</p>
            <p className="p-note" data-testid="process-external">
              {t('process.external', {
                routes: process.externalRoutes
                  .map((r) => t(`process.route.${r.sector}`, { number: r.number }))
                  .join(t('process.separator')),
              })}
            </p>
            <p className="p-muted p-small">{t('process.policyVersion', { version: String(process.policyVersion) })}</p>
          </>
        )}
      </div>
    </section>
  );
}
