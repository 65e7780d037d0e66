import { Rate, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import type { RecordView } from '../complaint-types';
import { dataText, ofKind, Para, RecordMeta, Section } from './tab-kit';

/** What the customer was told, how satisfied they were, and how the complaint was closed (R-D4, R-D5). */
export function FeedbackTab({ records }: { records: RecordView[] }) {
  const { t, label } = useI18n();
  const feedback = ofKind(records, 'feedback');
  const surveys = ofKind(records, 'survey');
  const closings = ofKind(records, 'closing');
  return (
    <>
      <Section title="complaint.sec.feedback" count={feedback.length} testId="feedback-list">
        {feedback.map((r) => (
          <div key={r.id} style={{ marginBottom: 8 }}>
            <Space wrap size={4}>
              <Tag color="blue">{label('complaint.contactMethod', dataText(r, 'method') ?? '')}</Tag>
              {r.data.solvedOnTheSpot === true && <Tag color="green">{t('complaint.solvedOnTheSpot')}</Tag>}
              {dataText(r, 'proof') && (
                <Typography.Text type="secondary">{t('complaint.proofIs', { v: dataText(r, 'proof') ?? '' })}</Typography.Text>
              )}
            </Space>
            <Para>{dataText(r, 'content')}</Para>
            <RecordMeta r={r} />
          </div>
        ))}
      </Section>
      <Section title="complaint.sec.survey" count={surveys.length} testId="survey-list">
        {surveys.map((r) => (
          <div key={r.id} style={{ marginBottom: 8 }}>
            <Space wrap size={8}>
              <Tag color={r.data.satisfied === true ? 'success' : 'error'}>
                {t(r.data.satisfied === true ? 'complaint.satisfied' : 'complaint.dissatisfied')}
              </Tag>
              <Rate disabled value={Number(r.data.score)} style={{ fontSize: 14 }} />
              <Typography.Text type="secondary">{label('complaint.contactMethod', dataText(r, 'method') ?? '')}</Typography.Text>
            </Space>
            {dataText(r, 'comment') && <Para>{dataText(r, 'comment')}</Para>}
            <div>
              <RecordMeta r={r} />
            </div>
          </div>
        ))}
      </Section>
      <Section title="complaint.sec.closing" count={closings.length} testId="closing">
        {closings.map((r) => (
          <div key={r.id} style={{ marginBottom: 8 }}>
            <Tag color="purple">{label('complaint.outcome', dataText(r, 'outcome') ?? '')}</Tag>
            <Para>{dataText(r, 'summary')}</Para>
            <RecordMeta r={r} />
          </div>
        ))}
      </Section>
    </>
  );
}
