import { Alert, App, Button, Card, Col, Form, Input, Row, Segmented, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../../api';
import { useI18n } from '../../../i18n/i18n';
import { applyServerErrors, fieldPath, fieldText } from '../admin-api';
import { useLabelText } from './MessageTemplatesPage';
import { TemplateHistory } from './TemplateHistory';
import { TemplatePreview } from './TemplatePreview';
import { usePreview, useSaveTemplate, useSettled, useTemplate, type TemplateCode, type TemplateLocale } from './template-api';

interface Values {
  subject: string;
  body: string;
  reason: string;
}

type TextField = 'subject' | 'body';
const LOCALES: TemplateLocale[] = ['zh-CN', 'en-US'];

/** One template: its text per language, the variables to insert, the preview of the draft and the history. */
export function TemplateEditor({ code }: { code: TemplateCode }) {
  const { t } = useI18n();
  const text = useLabelText();
  const { message } = App.useApp();
  const detail = useTemplate(code);
  const save = useSaveTemplate(code);
  const [lang, setLang] = useState<TemplateLocale>('zh-CN');
  const [form] = Form.useForm<Values>();
  // undefined until the editor is given the text in force (a preview of nothing would be refused)
  const watchedSubject = Form.useWatch('subject', form);
  const watchedBody = Form.useWatch('body', form);
  const subject = watchedSubject ?? '';
  const body = watchedBody ?? '';
  const [complaintNumber, setComplaintNumber] = useState('');
  const subjectRef = useRef<InputRef>(null);
  const bodyRef = useRef<TextAreaRef>(null);
  const lastField = useRef<TextField>('body');

  const entry = detail.data?.locales.find((l) => l.locale === lang);
  const current = entry?.current;
  // a new version in force, another language: the editor starts from the text in force. Keyed on
  // the text itself, so a refetch that brings the same text never wipes what is being typed.
  const inForce = current ? JSON.stringify({ lang, version: current.version, subject: current.subject, body: current.body }) : null;
  useEffect(() => {
    if (!inForce) return;
    const given = JSON.parse(inForce) as { subject: string; body: string };
    form.setFieldsValue({ subject: given.subject, body: given.body, reason: '' });
  }, [form, inForce]);

  const loaded = current !== undefined && watchedSubject !== undefined && watchedBody !== undefined;
  const draft = useMemo(
    () => (loaded ? { locale: lang, subject, body, complaintNumber } : null),
    [loaded, lang, subject, body, complaintNumber],
  );
  const preview = usePreview(code, useSettled(draft, 300));
  const previewError = preview.error instanceof ApiError ? preview.error : null;
  // the server's checks of the draft, shown on the fields as the text is typed
  useEffect(() => {
    const issues = previewError?.status === 400 ? previewError.fields : [];
    form.setFields(
      (['subject', 'body'] as const).map((name) => ({ name, errors: issues.filter((f) => fieldPath(f) === name).map(fieldText) })),
    );
  }, [form, previewError]);

  if (detail.isPending) return <Spin />;
  if (detail.error || !detail.data || !entry || !current) return <Alert type="error" showIcon message={detail.error?.message} />;

  const dirty = subject !== current.subject || body !== current.body;
  const insert = (name: string) => {
    const field = lastField.current;
    const el = field === 'subject' ? subjectRef.current?.input : bodyRef.current?.resizableTextArea?.textArea;
    const value = String(form.getFieldValue(field) ?? '');
    const token = `{{${name}}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    form.setFieldValue(field, value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const submit = (values: Values) =>
    save.mutate(
      { locale: lang, subject: values.subject, body: values.body, reason: values.reason },
      {
        onSuccess: (v) => void message.success(t('templates.saved', { version: v.version })),
        onError: (e) => {
          const rest = applyServerErrors(form, e, ['subject', 'body', 'reason']);
          if (rest) void message.error(rest);
        },
      },
    );
  const restore = () =>
    save.mutate(
      { locale: lang, restore: true },
      {
        onSuccess: (v) => void message.success(t('templates.restored', { version: v.version })),
        onError: (e) => void message.error(e.message),
      },
    );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <span data-testid="template-title">{text(detail.data.label)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {code}
            </Typography.Text>
          </Space>
        }
        extra={
          <Segmented<TemplateLocale>
            value={lang}
            onChange={setLang}
            options={LOCALES.map((l) => ({ value: l, label: t(`templates.locale.${l}`) }))}
            data-testid="template-locale"
          />
        }
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={13}>
            <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
              <Form.Item name="subject" label={t('templates.subject')}>
                <Input ref={subjectRef} onFocus={() => (lastField.current = 'subject')} maxLength={400} data-testid="template-subject" />
              </Form.Item>
              <Form.Item name="body" label={t('templates.body')}>
                <Input.TextArea
                  ref={bodyRef}
                  onFocus={() => (lastField.current = 'body')}
                  autoSize={{ minRows: 5, maxRows: 14 }}
                  data-testid="template-body"
                />
              </Form.Item>
              <Form.Item label={t('templates.variables')}>
                <Space size={[4, 6]} wrap data-testid="template-variables">
                  {detail.data.variables.map((v) => (
                    <Tooltip key={v.name} title={v.required ? t('templates.required') : undefined}>
                      <Tag
                        role="button"
                        tabIndex={0}
                        color={v.required ? 'gold' : 'default'}
                        style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => insert(v.name)}
                        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && insert(v.name)}
                        data-testid={`template-var-${v.name}`}
                      >
                        {text(v.label)} <Typography.Text type="secondary" style={{ fontSize: 11 }}>{`{{${v.name}}}`}</Typography.Text>
                      </Tag>
                    </Tooltip>
                  ))}
                </Space>
              </Form.Item>
              <Form.Item name="reason" label={t('templates.reason')}>
                <Input placeholder={t('templates.reasonPlaceholder')} maxLength={2000} data-testid="template-reason" />
              </Form.Item>
              <Space wrap>
                <Button type="primary" htmlType="submit" disabled={!dirty} loading={save.isPending} data-testid="template-save">
                  {t('templates.save')}
                </Button>
                <Button disabled={!dirty} onClick={() => form.setFieldsValue({ subject: current.subject, body: current.body })}>
                  {t('templates.reset')}
                </Button>
                {dirty && <Tag color="orange">{t('templates.unsaved')}</Tag>}
              </Space>
            </Form>
          </Col>
          <Col xs={24} lg={11}>
            <TemplatePreview preview={preview} complaintNumber={complaintNumber} onComplaintNumber={setComplaintNumber} />
          </Col>
        </Row>
      </Card>
      <TemplateHistory
        entry={entry}
        restoring={save.isPending}
        onRestore={restore}
        onLoad={(v) => form.setFieldsValue({ subject: v.subject, body: v.body })}
      />
    </Space>
  );
}
