import { useState } from 'react';
import { ChannelsSection } from './ChannelsSection';
import { usePortalI18n } from './i18n';
import { MyComplaint } from './MyComplaint';
import { ProcessSection } from './ProcessSection';
import { SubmitSection } from './SubmitSection';
import { TrackSection } from './TrackSection';

const PROMISES = ['one', 'graded', 'timely'] as const;

/**
 * The page: header, a hero with tracking, the complaint opened by a code (or just submitted), the
 * online form, the channels, the process.
 */
export function PortalApp() {
  const { t, toggle, locale } = usePortalI18n();
  // a verified tracking session lives in memory only: a reload asks for a new code
  const [opened, setOpened] = useState<{ number: string; token: string } | null>(null);
  const close = () => {
    setOpened(null);
    // back where tracking starts, for the keyboard and screen readers too
    document.getElementById('track-title')?.focus();
  };
  return (
    <>
      <header className="p-header">
        <div className="p-wrap p-header-row">
          <a className="p-brand" href="/portal">
            <span className="p-logo" aria-hidden="true">
              诉
            </span>
            <span className="p-brand-company">{t('portal.company')}</span>
            <span>{t('portal.title')}</span>
          </a>
          <div className="p-header-actions">
            <button
              type="button"
              className="p-link-button"
              onClick={toggle}
              data-testid="portal-language"
              lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
            >
              {t('portal.switchLanguage')}
            </button>
            <a className="p-header-link" href="/login">
              {t('portal.staffSignIn')}
            </a>
          </div>
        </div>
      </header>
      <main>
        <section className="p-hero">
          <div className="p-wrap p-hero-grid">
            <div className="p-hero-text">
              <h1>{t('hero.title')}</h1>
              <p className="p-lead">{t('hero.lead')}</p>
              <ul className="p-promises">
                {PROMISES.map((k) => (
                  <li key={k}>
                    <strong>{t(`hero.${k}.title`)}</strong>
                    {t(`hero.${k}.body`)}
                  </li>
                ))}
              </ul>
              <nav className="p-anchors" aria-label={t('portal.nav')}>
                <a href="#submit" className="p-anchor-primary" data-testid="hero-submit">
                  {t('hero.submit')}
                </a>
                <a href="#channels">{t('hero.channels')}</a>
                <a href="#process">{t('hero.process')}</a>
              </nav>
            </div>
            <TrackSection onOpen={(number, token) => setOpened({ number, token })} />
          </div>
        </section>
        {opened && <MyComplaint key={opened.number + opened.token} {...opened} onClose={close} />}
        <SubmitSection onTrack={(number, token) => setOpened({ number, token })} />
        <ChannelsSection />
        <ProcessSection />
      </main>
      <footer className="p-footer">
        <div className="p-wrap">{t('portal.footer')}</div>
      </footer>
    </>
  );
}
