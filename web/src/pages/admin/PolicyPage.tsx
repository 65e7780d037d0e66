import { Alert, App, Button, Card, Col, Form, Input, Row, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import type { PolicyDoc } from './admin-types';
import { PolicyClocksCard } from './PolicyClocksCard';
import { KpiTargetsCard } from '../assessment/KpiTargetsCard';
import { PolicyErrors, policyFieldError } from './PolicyErrors';
import { BandsCard, KeywordsCard, RegulatoryCard, ThresholdsCard } from './PolicyNumbersCards';
import { PublishModal } from './PublishModal';
import { usePolicyDraft, usePublishPolicy } from './use-policy-draft';
import { usePublisherName } from './use-policy-labels';

type Mode = 'form' | 'json';

function parsePolicy(text: string): { doc: PolicyDoc } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
    return { doc: value as PolicyDoc };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** The policy in force as a form for the important numbers, or as raw JSON for everything; published with a reason. */
export function PolicyPage() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const publisher = usePublisherName();
  const readOnly = !can(me.data, 'policy.write');
  const { message } = App.useApp();
  const { policy, current, draft, edit, replace, reset, changes } = usePolicyDraft();
  const publish = usePublishPolicy();
  const [mode, setMode] = useState<Mode>('form');
  const [text, setText] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);

  if (policy.isPending) return <Spin />;
  if (policy.error || !current || !draft) return <Alert type="error" showIcon message={policy.error?.message ?? t('common.error')} />;

  /** The JSON text becomes the draft (switching back to the form, or before publishing); false when it is not JSON. */
  const takeText = (): boolean => {
    const parsed = parsePolicy(text);
    if ('error' in parsed) {
      setJsonError(parsed.error);
      return false;
    }
    setJsonError(null);
    replace(parsed.doc);
    return true;
  };
  const switchMode = (next: Mode) => {
    if (next === mode) return;
    if (next === 'json') setText(JSON.stringify(draft, null, 2));
    else if (!takeText()) return;
    setMode(next);
  };
  const openPublish = () => {
    if (mode === 'json' && !takeText()) return;
    publish.reset();
    setPublishing(true);
  };
  const doPublish = (reason: string) => {
    // in the JSON mode the text became the draft when the dialog opened
    publish.mutate(
      { policy: draft, reason },
      {
        onSuccess: (v) => {
          setPublishing(false);
          reset();
          if (mode === 'json') setText(JSON.stringify(v.policy, null, 2));
          message.success(t('admin.policy.published', { version: v.version, replanned: v.replanned }));
        },
        onError: () => setPublishing(false),
      },
    );
  };
  const discard = () => {
    reset();
    setText(JSON.stringify(current.policy, null, 2));
    setJsonError(null);
    publish.reset();
  };
  const errorOf = (path: string) => policyFieldError(publish.error, path);
  const section = { draft, edit, errorOf, readOnly };
  const dirty = changes.length > 0 || (mode === 'json' && text !== JSON.stringify(draft, null, 2));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong data-testid="policy-version">
              {t('admin.policy.inForce', { version: current.version })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('admin.policy.publishedBy', { by: publisher(current.createdBy), at: dateTime(current.createdAt) })}
            </Typography.Text>
            {dirty && <Tag color="warning">{t('admin.policy.unsaved', { n: changes.length })}</Tag>}
          </Space>
          <Space wrap>
            <Segmented<Mode>
              value={mode}
              onChange={switchMode}
              options={[
                { value: 'form', label: t('admin.policy.modeForm') },
                { value: 'json', label: <span data-testid="policy-mode-json">{t('admin.policy.modeJson')}</span> },
              ]}
            />
            <Link to="/admin/history">{t('admin.policy.history')}</Link>
            {!readOnly && (
              <>
                <Button disabled={!dirty} onClick={discard}>
                  {t('admin.policy.discard')}
                </Button>
                <Button type="primary" disabled={!dirty} onClick={openPublish} data-testid="policy-publish">
                  {t('admin.policy.publish')}
                </Button>
              </>
            )}
          </Space>
        </Space>
      </Card>
      {readOnly && <Alert type="info" showIcon message={t('admin.readOnly')} />}
      <PolicyErrors error={publish.error} />
      <Form layout="vertical" component={false}>
        {mode === 'form' ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <PolicyClocksCard {...section} />
            </Col>
            <Col xs={24} xl={12}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <RegulatoryCard {...section} />
                <ThresholdsCard {...section} />
                <BandsCard {...section} />
                <KeywordsCard {...section} />
                <KpiTargetsCard {...section} />
                <Typography.Text type="secondary">{t('admin.policy.moreInJson')}</Typography.Text>
              </Space>
            </Col>
          </Row>
        ) : (
          <Card size="small" title={t('admin.policy.modeJson')}>
            {jsonError && (
              <Alert
                type="error"
                showIcon
                message={t('admin.policy.jsonInvalid', { detail: jsonError })}
                style={{ marginBottom: 12 }}
                data-testid="json-error"
              />
            )}
            <Input.TextArea
              value={text}
              readOnly={readOnly}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 20, maxRows: 40 }}
              spellCheck={false}
              style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
              data-testid="policy-json"
            />
          </Card>
        )}
      </Form>
      <PublishModal
        open={publishing}
        changes={changes}
        pending={publish.isPending}
        onCancel={() => setPublishing(false)}
        onPublish={doPublish}
      />
    </Space>
  );
}
