import { usePortalI18n } from './i18n';
import type { PortalKey } from './messages';

const CHANNELS = [
  { key: 'hotline', icon: '☎' },
  { key: 'online', icon: '⌨' },
  { key: 'branch', icon: '⌂' },
  { key: 'letter', icon: '✉' },
] as const;

const TIPS = ['tips.contact', 'tips.policy', 'tips.facts', 'tips.proof', 'tips.remedy'] as const satisfies readonly PortalKey[];

/** Where to complain (policy §2.1) and what to have at hand (customer education, R-G3). */
export function ChannelsSection() {
  const { t } = usePortalI18n();
  return (
    <section id="channels" className="p-section" data-testid="portal-channels">
      <div className="p-wrap">
        <h2>{t('channels.title')}</h2>
        <p className="p-muted">{t('channels.lead')}</p>
        <div className="p-channels">
          {CHANNELS.map((c) => (
            <article key={c.key} className="p-card p-channel">
              <span className="p-channel-icon" aria-hidden="true">
                {c.icon}
              </span>
              <h3>{t(`channels.${c.key}.title`)}</h3>
              <p>{t(`channels.${c.key}.body`)}</p>
            </article>
          ))}
        </div>
        <div className="p-channels-foot">
          <p className="p-note">{t('channels.note')}</p>
          <aside className="p-tips">
            <h3>{t('tips.title')}</h3>
            <ul>
              {TIPS.map((k) => (
                <li key={k}>{t(k)}</li>
              ))}
            </ul>
          </aside>
        </div>
      </div>
    </section>
  );
}
