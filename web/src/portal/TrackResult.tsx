import { usePortalI18n } from './i18n';
import type { TrackView } from './types';

/** The complaint as its customer sees it: status, dates and the stages in plain words. */
export function TrackResult({ view }: { view: TrackView }) {
  const { t, code, dateTime, dueDate } = usePortalI18n();
  return (
    <div className="p-result" data-testid="track-result">
      <h3>{t('result.title', { number: view.number })}</h3>
      <dl className="p-facts">
        <div>
          <dt>{t('result.status')}</dt>
          <dd>
            <span className={`p-status ${view.finished ? 'p-status-done' : ''}`} data-testid="track-status">
              {code('status', view.status)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('result.received')}</dt>
          <dd>{dateTime(view.receivedAt)}</dd>
        </div>
        {view.regulatoryDueAt && !view.finished && (
          <div>
            <dt>{t('result.due')}</dt>
            <dd data-testid="track-due">{dueDate(view.regulatoryDueAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('result.updated')}</dt>
          <dd>{dateTime(view.updatedAt)}</dd>
        </div>
      </dl>
      <h4>{t('result.progress')}</h4>
      <ol className="p-stages" data-testid="track-stages">
        {view.stages.map((s) => (
          <li key={s.stage} className={s.done ? 'p-stage p-stage-done' : 'p-stage'}>
            <span className="p-stage-dot" aria-hidden="true" />
            <div>
              <strong>{code('stage', s.stage)}</strong>
              <span className="p-stage-at">{s.done ? (s.at ? dateTime(s.at) : '') : t('result.ahead')}</span>
              <p>{code('stage', s.stage, '.body')}</p>
            </div>
          </li>
        ))}
      </ol>
      {view.finished && <p className="p-note">{t('result.finished')}</p>}
    </div>
  );
}
