import { usePortalI18n } from './i18n';
import type { PortalKey } from './messages';
import type { PortalChannels } from './publicity';

const TIPS = ['tips.contact', 'tips.policy', 'tips.facts', 'tips.proof', 'tips.remedy'] as const satisfies readonly PortalKey[];

const telHref = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`;

/**
 * Where to complain (policy §2.1, §7.3; R-G3) with the company's real numbers and addresses, as the
 * administrators set them (系统管理 → 门户与宣传), and what to have at hand (customer education).
 */
export function ChannelsSection({ channels, failed }: { channels: PortalChannels | null; failed: boolean }) {
  const { t } = usePortalI18n();
  return (
    <section id="channels" className="p-section" data-testid="portal-channels">
      <div className="p-wrap">
        <h2>{t('channels.title')}</h2>
        <p className="p-muted">{t('channels.lead')}</p>
        {!channels && (
          <p className="p-muted" role={failed ? 'alert' : 'status'}>
            {t(failed ? 'channels.failed' : 'channels.loading')}
          </p>
        )}
        <div className="p-channels">
          <article className="p-card p-channel">
            <span className="p-channel-icon" aria-hidden="true">
              ☎
            </span>
            <h3>{t('channels.hotline.title')}</h3>
            {channels?.hotlines.map((h) => (
              <p key={h.number} className="p-contact">
                <a href={telHref(h.number)} className="p-contact-main" data-testid="portal-hotline">
                  {h.number}
                </a>
                <span className="p-contact-label">{h.label}</span>
                <span className="p-contact-label">{h.hours}</span>
              </p>
            ))}
            <p>{t('channels.hotline.body')}</p>
          </article>
          <article className="p-card p-channel">
            <span className="p-channel-icon" aria-hidden="true">
              ⌨
            </span>
            <h3>{t('channels.online.title')}</h3>
            {channels && (
              <dl className="p-contact-list">
                <dt>{t('channels.website')}</dt>
                <dd>
                  <a href={channels.website.url} target="_blank" rel="noopener noreferrer">
                    {channels.website.name}
                  </a>
                </dd>
                <dt>{t('channels.app')}</dt>
                <dd>{channels.app.name}</dd>
                <dt>{t('channels.wechat')}</dt>
                <dd data-testid="portal-wechat">
                  {channels.wechat.name}
                  <span className="p-contact-label">{t('channels.wechatId', { id: channels.wechat.account })}</span>
                </dd>
              </dl>
            )}
            <p>{t('channels.online.body')}</p>
          </article>
          <article className="p-card p-channel">
            <span className="p-channel-icon" aria-hidden="true">
              ⌂
            </span>
            <h3>{t('channels.branch.title')}</h3>
            <p>{t('channels.branch.body')}</p>
            {channels && channels.branches.length > 0 && (
              <p>
                <a href="#branches">{t('channels.branchCount', { n: String(channels.branches.length) })}</a>
              </p>
            )}
          </article>
          <article className="p-card p-channel">
            <span className="p-channel-icon" aria-hidden="true">
              ✉
            </span>
            <h3>{t('channels.letter.title')}</h3>
            {channels && (
              <dl className="p-contact-list">
                <dt>{t('channels.email')}</dt>
                <dd>
                  <a href={`mailto:${channels.email}`} data-testid="portal-email">
                    {channels.email}
                  </a>
                </dd>
                <dt>{t('channels.postal')}</dt>
                <dd data-testid="portal-postal">
                  {channels.postal.address}
                  <span className="p-contact-label">{t('channels.recipient', { name: channels.postal.recipient })}</span>
                  <span className="p-contact-label">{t('channels.postCode', { code: channels.postal.postCode })}</span>
                </dd>
              </dl>
            )}
            <p>{t('channels.letter.body')}</p>
          </article>
        </div>
        {channels && channels.branches.length > 0 && (
          <div id="branches" className="p-branches">
            <h3>{t('channels.branchList')}</h3>
            <table className="p-table" data-testid="portal-branches">
              <thead>
                <tr>
                  <th scope="col">{t('channels.branchName')}</th>
                  <th scope="col">{t('channels.branchAddress')}</th>
                  <th scope="col">{t('channels.branchHours')}</th>
                  <th scope="col">{t('channels.branchPhone')}</th>
                </tr>
              </thead>
              <tbody>
                {channels.branches.map((b) => (
                  <tr key={`${b.name}-${b.phone}`}>
                    <th scope="row">{b.name}</th>
                    <td>{b.address}</td>
                    <td>{b.hours}</td>
                    <td>
                      <a href={telHref(b.phone)}>{b.phone}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
