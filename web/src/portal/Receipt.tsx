import { useRef, useState } from 'react';
import { useFocusOnMount } from './hooks';
import { usePortalI18n } from './i18n';
import type { Receipt as ReceiptAnswer } from './types';

/** Puts the text on the clipboard; where the browser offers none (plain HTTP), selects it for the user to copy. */
async function copy(text: string, element: HTMLElement | null): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (element) {
      const range = document.createRange();
      range.selectNodeContents(element);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
    return false;
  }
}

/**
 * Step 4: the receipt (R-B2): the complaint number, big and copyable, when it was received, when to
 * expect the answer, that the acknowledgment went to the verified contact, and the way to track it.
 */
export function Receipt(props: { receipt: ReceiptAnswer; sentTo: string; onTrack: () => void; onAnother: () => void }) {
  const { t, dateTime, calendarDay } = usePortalI18n();
  const { receipt } = props;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const numberRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState('');

  return (
    <div className="p-receipt" data-testid="receipt">
      <h3 ref={heading} tabIndex={-1} className="p-step-title">
        <span className="p-receipt-check" aria-hidden="true">
          ✓
        </span>
        {t('receipt.title')}
      </h3>
      <p>{t('receipt.lead')}</p>
      <div className="p-receipt-number">
        <span className="p-muted">{t('receipt.number')}</span>
        <strong ref={numberRef} data-testid="receipt-number">
          {receipt.number}
        </strong>
        <button
          type="button"
          className="p-button"
          data-testid="receipt-copy"
          onClick={() => {
            void copy(receipt.number, numberRef.current).then((ok) => setCopied(ok ? t('receipt.copied') : t('receipt.copySelected')));
          }}
        >
          {t('receipt.copy')}
        </button>
        <span className="p-live" aria-live="polite" data-testid="receipt-copied">
          {copied}
        </span>
      </div>
      <dl className="p-facts">
        <div>
          <dt>{t('result.received')}</dt>
          <dd>{dateTime(receipt.receivedAt)}</dd>
        </div>
        {receipt.expectedBy !== '' && (
          <div>
            <dt>{t('receipt.expected')}</dt>
            <dd data-testid="receipt-expected">{t('receipt.expectedValue', { date: calendarDay(receipt.expectedBy) })}</dd>
          </div>
        )}
      </dl>
      <p data-testid="receipt-expected-days">{t('receipt.expectedDays', { days: String(receipt.expectedDays) })}</p>
      <p className="p-note" data-testid="receipt-acknowledged">
        {t('receipt.acknowledged', { to: props.sentTo })}
      </p>
      <p className="p-muted">{t('receipt.keep')}</p>
      <div className="p-actions">
        <button type="button" className="p-button p-button-primary" onClick={props.onTrack} data-testid="receipt-track">
          {t('receipt.track')}
        </button>
        <button type="button" className="p-button" onClick={props.onAnother}>
          {t('receipt.another')}
        </button>
      </div>
    </div>
  );
}
