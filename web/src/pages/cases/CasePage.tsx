import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import { CaseEditor } from './CaseEditor';
import { CaseReviewBar } from './CaseReviewBar';
import { CaseStatusTag } from './CaseStatusTag';
import { useCase, type CaseDetail, type TextField } from './cases-api';
import { RedactedText } from './RedactedText';

const SECTIONS: readonly Exclude<TextField, 'title'>[] = ['background', 'handling', 'outcome', 'lessons'];

function redactionCount(c: CaseDetail): number {
  return Object.values(c.redactions).reduce((n, list) => n + (list?.length ?? 0), 0);
}

/** One teaching case: its texts with the removed personal data highlighted, the editor for the proposer, the review bar. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t, dateTime } = useI18n();
  const { label } = useTaxonomy();
  const query = useCase(id);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (query.isError) return <Result status="404" title={query.error.message} />;
  const c = query.data;
  const count = redactionCount(c);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="case-page">
      <Link to="/cases">
        <ArrowLeftOutlined /> {t('cases.back')}
      </Link>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
          <RedactedText text={c.title} marks={c.redactions.title} />
        </Typography.Title>
        <CaseStatusTag status={c.status} />
      </Space>
      {count > 0 && <Alert type="info" showIcon data-testid="case-redaction-count" message={t('cases.redactions', { n: count })} />}
      <CaseReviewBar detail={c} />
      {c.mayEdit && !editing && (
        <Space>
          <Button data-testid="case-edit" onClick={() => setEditing(true)}>
            {t('cases.edit')}
          </Button>
        </Space>
      )}
      {editing ? (
        <CaseEditor detail={c} onClose={() => setEditing(false)} />
      ) : (
        <Card>
          {SECTIONS.map((f) => (
            <div key={f}>
              <Typography.Title level={5}>{t(`cases.field.${f}`)}</Typography.Title>
              <RedactedText text={c[f]} marks={c.redactions[f]} testId={`case-${f}`} />
            </div>
          ))}
        </Card>
      )}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('cases.filter.businessLine')}>{label('businessLines', c.businessLine)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.filter.category')}>{label('categories', c.category)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.field.causes')}>
            {c.causeCodes.length ? c.causeCodes.map((x) => <Tag key={x}>{label('causes', x)}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.field.lessonTags')}>
            <span data-testid="case-tags">
              {c.lessonTags.length
                ? c.lessonTags.map((x) => (
                    <Tag key={x} color="blue">
                      {x}
                    </Tag>
                  ))
                : '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.field.attachments')}>{c.attachmentNames.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.field.proposedBy')}>
            {c.proposedBy} · {dateTime(c.proposedAt)}
          </Descriptions.Item>
          {c.reviewedBy && (
            <Descriptions.Item label={t('cases.field.reviewedBy')}>
              {c.reviewedBy} · {dateTime(c.reviewedAt)}
            </Descriptions.Item>
          )}
          {c.reviewNote && <Descriptions.Item label={t('cases.field.reviewNote')}>{c.reviewNote}</Descriptions.Item>}
          {c.publishedAt && <Descriptions.Item label={t('cases.field.publishedAt')}>{dateTime(c.publishedAt)}</Descriptions.Item>}
          {c.withdrawnReason && <Descriptions.Item label={t('cases.field.withdrawnReason')}>{c.withdrawnReason}</Descriptions.Item>}
          {c.complaintId && (
            <Descriptions.Item label={t('cases.field.source')}>
              <Link to={`/complaints/${c.complaintId}`}>{c.complaintNumber}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </Space>
  );
}
