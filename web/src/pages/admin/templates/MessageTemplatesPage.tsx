import { Alert, Card, Col, List, Row, Space, Spin, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/i18n';
import { TemplateEditor } from './TemplateEditor';
import { useTemplates, type TemplateCode, type TemplateSummary } from './template-api';

/** A label of the server's (zh and en) in the reader's language. */
export function useLabelText(): (l: { zh: string; en: string }) => string {
  const { locale } = useI18n();
  return (l) => (locale === 'zh-CN' ? l.zh : l.en);
}

/** Per language, the version in force or "built-in". */
function VersionTags({ item }: { item: TemplateSummary }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {item.locales.map((l) => (
        <Tag key={l.locale} color={l.builtIn ? undefined : 'blue'} style={{ marginInlineEnd: 0 }}>
          {t(`templates.locale.${l.locale}`)} ·{' '}
          {l.version === null || l.builtIn ? t('templates.builtIn') : t('templates.versionInForce', { version: l.version })}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * /admin/templates (#11 item 5): the outgoing message templates, the complainant's first, each by
 * its name (the code only as a small aside), and the editor of the one chosen (?code=).
 */
export function MessageTemplatesPage() {
  const { t } = useI18n();
  const text = useLabelText();
  const templates = useTemplates();
  const [params, setParams] = useSearchParams();

  if (templates.isPending) return <Spin />;
  if (templates.error) return <Alert type="error" showIcon message={templates.error.message} />;
  const items = [...templates.data].sort((a, b) => (a.audience === b.audience ? 0 : a.audience === 'complainant' ? -1 : 1));
  const chosen = items.find((i) => i.code === params.get('code')) ?? items[0];
  const choose = (code: TemplateCode) => setParams({ code }, { replace: true });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={7}>
        <Card size="small" title={t('templates.title')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('templates.intro')}
          </Typography.Paragraph>
          <List<TemplateSummary>
            size="small"
            dataSource={items}
            data-testid="template-list"
            renderItem={(item, index) => (
              <>
                {(index === 0 || items[index - 1]?.audience !== item.audience) && (
                  <Typography.Text strong style={{ display: 'block', marginTop: index === 0 ? 0 : 12 }}>
                    {t(`templates.audience.${item.audience}`)}
                  </Typography.Text>
                )}
                <List.Item
                  onClick={() => choose(item.code)}
                  style={{
                    cursor: 'pointer',
                    paddingInline: 8,
                    background: item.code === chosen?.code ? 'var(--ant-control-item-bg-active, #e6f4ff)' : undefined,
                  }}
                  data-testid={`template-item-${item.code}`}
                  aria-current={item.code === chosen?.code ? 'true' : undefined}
                >
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Typography.Text>{text(item.label)}</Typography.Text>
                    <VersionTags item={item} />
                    <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                      {item.code}
                    </Typography.Text>
                  </Space>
                </List.Item>
              </>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={17}>
        {chosen && <TemplateEditor key={chosen.code} code={chosen.code} />}
      </Col>
    </Row>
  );
}
