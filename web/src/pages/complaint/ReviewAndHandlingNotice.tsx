/**
 * What the handler must know before acting (#14 items 2, 3): the formal review (who reviews it; the
 * handler can no longer close it), and complaints about complaint handling linked to this one
 * (R-E5), both ways.
 */
import { Alert, Space, Typography } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { FullDetail, RecordView } from './complaint-types';

function Numbers({ items }: { items: FullDetail['related'] }) {
  return (
    <>
      {items.map((r, i) => (
        <Fragment key={r.id}>
          {i > 0 && '、'}
          <Link to={`/complaints/${r.id}`}>{r.number}</Link>
        </Fragment>
      ))}
    </>
  );
}

/** A sentence with {numbers} replaced by links to the complaints. */
function WithNumbers({ text, items }: { text: string; items: FullDetail['related'] }) {
  const [before, after] = text.split('{numbers}');
  return (
    <span>
      {before}
      <Numbers items={items} />
      {after}
    </span>
  );
}

export function ReviewAndHandlingNotice({ detail, records }: { detail: FullDetail; records: RecordView[] }) {
  const { t } = useI18n();
  const about = detail.related.filter((r) => r.kind === 'about_handling');
  const handling = detail.related.filter((r) => r.kind === 'handling_complaint');
  const conclusion = records.filter((r) => r.kind === 'review_conclusion').at(-1);
  const review = detail.review;
  const open = !['closed', 'withdrawn', 'transferred', 'merged'].includes(detail.status);
  if (!review && about.length === 0 && handling.length === 0) return null;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="review-handling-notice">
      {review && open && (
        <Alert
          type="warning"
          showIcon
          data-testid="formal-review-notice"
          message={t('complaint.review.title')}
          description={
            <>
              {review.by === 'department_head' && review.reviewer
                ? t('complaint.review.byHead', { round: detail.round, reviewer: review.reviewer })
                : t('complaint.review.byLeadership', { round: detail.round })}
              {detail.allowedActions.includes('conclude_review') && (
                <Typography.Text strong style={{ display: 'block' }}>
                  {t('complaint.review.you')}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
      {detail.closedAs === 'concluded' && (
        <Alert
          type="info"
          showIcon
          data-testid="formal-review-concluded"
          message={t('complaint.review.concluded')}
          description={typeof conclusion?.data.conclusion === 'string' ? conclusion.data.conclusion : undefined}
        />
      )}
      {about.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="about-handling-notice"
          message={t('complaint.about.title')}
          description={<WithNumbers text={t('complaint.about.on')} items={about} />}
        />
      )}
      {handling.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="handling-complaint-notice"
          message={t('complaint.about.title')}
          description={<WithNumbers text={t('complaint.about.of')} items={handling} />}
        />
      )}
    </Space>
  );
}
