import { Alert, Card, Form, Input, Space, Spin, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../../../api';
import { useI18n } from '../../../i18n/i18n';
import { fieldPath, fieldText } from '../admin-api';
import type { TemplatePreview as Preview } from './template-api';

const pre = { whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 } as const;

/** The draft as it would leave, on the complaint typed in (default: the newest the reader may open) or sample values. */
export function TemplatePreview({
  preview,
  complaintNumber,
  onComplaintNumber,
}: {
  preview: UseQueryResult<Preview>;
  complaintNumber: string;
  onComplaintNumber: (n: string) => void;
}) {
  const { t } = useI18n();
  const error = preview.error instanceof ApiError ? preview.error : null;
  const numberError = error?.fields.find((f) => fieldPath(f) === 'complaintNumber');
  const invalid = error?.status === 400 && !numberError;
  const p = error ? undefined : preview.data;

  return (
    <Card size="small" title={t('templates.preview')} type="inner" data-testid="template-preview">
      <Form layout="vertical">
        <Form.Item
          label={t('templates.previewComplaint')}
          validateStatus={numberError ? 'error' : undefined}
          help={numberError ? fieldText(numberError) : t('templates.previewComplaintHint')}
        >
          <Input
            value={complaintNumber}
            onChange={(e) => onComplaintNumber(e.target.value)}
            allowClear
            placeholder="TS…"
            data-testid="template-preview-number"
          />
        </Form.Item>
      </Form>
      {invalid && <Alert type="warning" showIcon message={t('templates.previewInvalid')} />}
      {error && !invalid && !numberError && <Alert type="error" showIcon message={error.message} />}
      {!error && !p && <Spin />}
      {p && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="template-preview-source">
            {p.complaintNumber ? t('templates.previewOn', { number: p.complaintNumber }) : t('templates.previewSample')}
          </Typography.Text>
          <div>
            <Typography.Text strong>{t('templates.previewEmail')}</Typography.Text>
            <div style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6, padding: 8, marginTop: 4 }}>
              <Typography.Paragraph strong style={{ marginBottom: 6 }} data-testid="template-preview-subject">
                {p.subject}
              </Typography.Paragraph>
              <Typography.Paragraph style={pre} data-testid="template-preview-email">
                {p.email}
              </Typography.Paragraph>
            </div>
          </div>
          <div>
            <Typography.Text strong>{t('templates.previewSms')}</Typography.Text>
            <div style={{ background: 'rgba(0,0,0,0.03)', borderRadius: 12, padding: 8, marginTop: 4 }}>
              <Typography.Paragraph style={pre} data-testid="template-preview-sms">
                {p.sms.text}
              </Typography.Paragraph>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('templates.previewSegments', { units: p.sms.units, segments: p.sms.segments, encoding: p.sms.encoding })}
            </Typography.Text>
          </div>
        </Space>
      )}
    </Card>
  );
}
