import { useEffect, useState } from 'react';
import { ArticlePage, ArticlesSection } from './ArticlesSection';
import { ChannelsSection } from './ChannelsSection';
import { usePortalI18n } from './i18n';
import { MyComplaint } from './MyComplaint';
import { ProcessSection } from './ProcessSection';
import { articleIdOf, usePortalInfo } from './publicity';
import { SubmitSection } from './SubmitSection';
import { TrackSection } from './TrackSection';

const PROMISES = ['one', 'graded', 'timely'] as const;

/** The address's path, followed through the portal's own navigation and the browser's back and forward. */
function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = (next: string) => {
    window.history.pushState(null, '', next);
    setPath(next);
    window.scrollTo({ top: 0 });
  };
  return [path, go];
}

/**
 * The page: header, a hero with tracking, the complaint opened by a code (or just submitted), the
 * online form, the channels, the process, the customer education articles; an article on its own
 * page (/portal/articles/<id>).
 */
export function PortalApp() {
  const { t, toggle, locale } = usePortalI18n();
  const info = usePortalInfo(locale);
  const [path, go] = usePath();
  const articleId = articleIdOf(path);
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
            {info.value && <span className="p-brand-company">{info.value.channels.companyName} ·</span>}
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
      {articleId ? (
        <main>
          <ArticlePage id={articleId} onBack={() => go('/portal')} />
        </main>
      ) : (
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
                  <a href="#articles">{t('hero.articles')}</a>
                </nav>
              </div>
              <TrackSection onOpen={(number, token) => setOpened({ number, token })} />
            </div>
          </section>
          {opened && <MyComplaint key={opened.number + opened.token} {...opened} onClose={close} />}
          <SubmitSection onTrack={(number, token) => setOpened({ number, token })} />
          <ChannelsSection channels={info.value?.channels ?? null} failed={info.failed} />
          <ProcessSection process={info.value?.process ?? null} />
          <ArticlesSection onOpen={(id) => go(`/portal/articles/${id}`)} />
        </main>
      )}
      <footer className="p-footer">
        <div className="p-wrap">{t('portal.footer')}</div>
      </footer>
    </>
  );
}
