import { usePortalI18n } from './i18n';
import { useArticle, useArticles } from './publicity';

/** The day an instant falls on in the company's time zone (Asia/Shanghai, UTC+8, no daylight saving). */
const shanghaiDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Customer education (policy §7.3, R-G3): the published articles in the reader's language. */
export function ArticlesSection({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, locale, calendarDay } = usePortalI18n();
  const { value, failed } = useArticles(locale);
  return (
    <section id="articles" className="p-section" data-testid="portal-articles">
      <div className="p-wrap">
        <h2>{t('articles.title')}</h2>
        <p className="p-muted">{t('articles.lead')}</p>
        {value && value.items.length === 0 && <p className="p-muted">{t('articles.empty')}</p>}
        {failed && <p className="p-muted">{t('channels.failed')}</p>}
        <div className="p-articles">
          {value?.items.map((a) => (
            <article key={a.id} className="p-card p-article-card" data-testid="portal-article-card">
              {a.coverImageUrl && <img className="p-article-cover" src={a.coverImageUrl} alt="" loading="lazy" />}
              <h3>
                <a
                  href={`/portal/articles/${a.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(a.id);
                  }}
                >
                  {a.title}
                </a>
              </h3>
              <p className="p-muted p-small">{t('articles.published', { date: calendarDay(shanghaiDay(a.publishedAt)) })}</p>
              {a.summary && <p>{a.summary}</p>}
            </article>
          ))}
        </div>
      </div>
    </section>
  );
}

/** One article (/portal/articles/<id>): its body is HTML the server sanitised with an allow-list. */
export function ArticlePage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, locale, calendarDay } = usePortalI18n();
  const { value, failed } = useArticle(id, locale);
  return (
    <section className="p-section" data-testid="portal-article">
      <div className="p-wrap p-article-wrap">
        <p>
          <a
            href="/portal#articles"
            onClick={(e) => {
              e.preventDefault();
              onBack();
            }}
            data-testid="article-back"
          >
            ← {t('articles.back')}
          </a>
        </p>
        {!value && <p className="p-muted">{t(failed ? 'articles.notFound' : 'articles.loading')}</p>}
        {value && (
          <article lang={value.language}>
            <h1 data-testid="article-title">{value.title}</h1>
            <p className="p-muted p-small">{t('articles.published', { date: calendarDay(shanghaiDay(value.publishedAt)) })}</p>
            {value.coverImageUrl && <img className="p-article-hero" src={value.coverImageUrl} alt="" />}
            {value.summary && <p className="p-lead">{value.summary}</p>}
            {/* sanitised on the server (allow-list: no script, style, event handler or foreign image) */}
            <div className="p-article-body" data-testid="article-body" dangerouslySetInnerHTML={{ __html: value.bodyHtml }} />
          </article>
        )}
      </div>
    </section>
  );
}
