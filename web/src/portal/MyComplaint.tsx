import { useCallback, useEffect, useState } from 'react';
import { AddInformation } from './AddInformation';
import { complaintView } from './api';
import { Problem } from './Field';
import { useFocusOnMount } from './hooks';
import { usePortalI18n } from './i18n';
import { explain } from './problems';
import { SurveyForm } from './SurveyForm';
import { Thread } from './Thread';
import { TrackResult } from './TrackResult';
import type { PortalComplaint } from './types';

/**
 * A complaint opened with a verified code (or straight after submitting it): its progress, the
 * messages both ways, a form to add information and files, and the satisfaction survey when open.
 */
export function MyComplaint(props: { number: string; token: string; onClose: () => void }) {
  const { t, locale } = usePortalI18n();
  const { number, token } = props;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [view, setView] = useState<PortalComplaint | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [answered, setAnswered] = useState(false);

  const load = useCallback(async () => {
    const answer = await complaintView(number, token, locale);
    if (answer.ok) {
      setView(answer.value);
      setProblem(null);
      return;
    }
    setExpired(answer.status === 401);
    setProblem(explain(answer, [], t).general);
    // t follows locale
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [number, token, locale]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section id="my-complaint" className="p-section p-section-alt" aria-labelledby="my-complaint-title" data-testid="my-complaint">
      <div className="p-wrap p-narrow">
        <div className="p-title-row">
          <h2 id="my-complaint-title" ref={heading} tabIndex={-1}>
            {t('mine.title')}
          </h2>
          <div className="p-title-actions">
            <button type="button" className="p-link-button" onClick={() => void load()} data-testid="mine-refresh">
              {t('mine.refresh')}
            </button>
            <button type="button" className="p-link-button" onClick={props.onClose} data-testid="mine-close">
              {t('mine.close')}
            </button>
          </div>
        </div>
        <Problem text={problem} testId="mine-problem" />
        {expired && <p className="p-muted">{t('mine.expired')}</p>}
        {view && (
          <>
            <div className="p-card p-mine-card">
              <p className="p-muted" data-testid="mine-subject">
                {t('mine.subject', { line: view.businessLineLabel, category: view.categoryLabel })}
              </p>
              <TrackResult view={view} />
            </div>
            {view.survey.open && !view.survey.answered && (
              <SurveyForm
                number={number}
                token={token}
                onAnswered={() => {
                  setAnswered(true);
                  void load();
                }}
              />
            )}
            {view.survey.answered && <Thanks focus={answered} />}
            <Thread items={view.thread} />
            {view.canAddInformation && <AddInformation number={number} token={token} onAdded={() => void load()} />}
          </>
        )}
      </div>
    </section>
  );
}

/** The survey answered; focused when the customer has just sent it (the form it replaces is gone). */
function Thanks({ focus }: { focus: boolean }) {
  const { t } = usePortalI18n();
  const ref = useFocusOnMount<HTMLParagraphElement>(focus);
  return (
    <p ref={ref} tabIndex={-1} className="p-note" data-testid="survey-thanks">
      {t('survey.thanks')}
    </p>
  );
}
