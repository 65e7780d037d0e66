import { sizeInWords } from './file-rules';
import { usePortalI18n } from './i18n';
import type { PortalKey } from './messages';
import type { ThreadItem } from './types';

/** The messages between the customer and us, oldest first: who wrote, by which way, when, the text and files. */
export function Thread({ items }: { items: readonly ThreadItem[] }) {
  const { t, dateTime } = usePortalI18n();
  const channel = (c: string) => {
    const key = `thread.channel.${c}` as PortalKey;
    const words = t(key);
    return words === key ? c : words;
  };
  return (
    <section className="p-card p-thread" aria-labelledby="thread-title" data-testid="thread">
      <h3 id="thread-title">{t('thread.title')}</h3>
      {items.length === 0 ? (
        <p className="p-muted">{t('thread.empty')}</p>
      ) : (
        <ol className="p-messages">
          {items.map((m) => (
            <li key={m.id} className={`p-message p-message-${m.direction}`} data-testid="thread-item" data-direction={m.direction}>
              <p className="p-message-head">
                <strong>{m.direction === 'inbound' ? t('thread.you') : t('thread.us')}</strong>
                <span>{channel(m.channel)}</span>
                <time dateTime={m.at}>{dateTime(m.at)}</time>
              </p>
              <p className="p-message-text">{m.text}</p>
              {m.files.length > 0 && (
                <ul className="p-message-files" aria-label={t('thread.files')}>
                  {m.files.map((f) => (
                    <li key={f.id}>
                      {f.name} <span className="p-muted">({sizeInWords(f.size)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
