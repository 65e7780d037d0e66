import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { COMPENSATION_APPROVERS, type CompensationApprover } from '../../codes';
import type { PolicySectionProps } from './PolicyClocksCard';

const REGULATORY = ['decisionDays', 'extendedDays', 'maxDays'] as const;

/** The regulator's calendar-day clock: normal, extended, maximum. */
export function RegulatoryCard({ draft, edit, errorOf, readOnly }: PolicySectionProps) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('admin.policy.regulatory')}>
      <Row gutter={12}>
        {REGULATORY.map((k) => {
          const err = errorOf(`regulatory.${k}`);
          return (
            <Col span={8} key={k}>
              <Form.Item label={t(`admin.policy.${k}`)} validateStatus={err ? 'error' : undefined} help={err} style={{ marginBottom: 0 }}>
                <InputNumber
                  min={1}
                  precision={0}
                  disabled={readOnly}
                  value={draft.regulatory[k]}
                  onChange={(v) => v !== null && edit((d) => void (d.regulatory[k] = v))}
                  addonAfter={t('admin.policy.days')}
                  style={{ width: '100%' }}
                  data-testid={`regulatory-${k}`}
                />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

/** Amount thresholds of levels 1 and 2, per business line. */
export function ThresholdsCard({ draft, edit, errorOf, readOnly }: PolicySectionProps) {
  const { t, locale } = useI18n();
  const lineName = (code: string) => {
    const line = draft.taxonomies.businessLines.find((l) => l.code === code);
    return line ? (locale === 'zh-CN' ? line.zh : line.en) : code;
  };
  const amountInput = (line: string, key: 'l1Above' | 'l2From') => {
    const err = errorOf(`grading.${line}.${key}`);
    return (
      <Form.Item validateStatus={err ? 'error' : undefined} help={err} style={{ margin: 0 }}>
        <Input
          disabled={readOnly}
          value={draft.grading[line]?.[key]}
          onChange={(e) => edit((d) => void (d.grading[line]![key] = e.target.value.trim()))}
          prefix="¥"
          data-testid={`grading-${line}-${key}`}
        />
      </Form.Item>
    );
  };
  return (
    <Card size="small" title={t('admin.policy.thresholds')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('admin.policy.thresholdsHint')}
      </Typography.Paragraph>
      <Table
        rowKey="line"
        size="small"
        pagination={false}
        dataSource={Object.keys(draft.grading).map((line) => ({ line }))}
        columns={[
          { title: t('admin.policy.businessLine'), dataIndex: 'line', render: (l: string) => lineName(l) },
          { title: t('admin.policy.l1Above'), key: 'l1', width: 150, render: (_v, r) => amountInput(r.line, 'l1Above') },
          { title: t('admin.policy.l2From'), key: 'l2', width: 150, render: (_v, r) => amountInput(r.line, 'l2From') },
        ]}
      />
    </Card>
  );
}

/** Who approves a compensation, by amount band; the last band has no upper bound. */
export function BandsCard({ draft, edit, errorOf, readOnly }: PolicySectionProps) {
  const { t, label } = useI18n();
  const bands = draft.compensationBands;
  return (
    <Card
      size="small"
      title={t('admin.policy.bands')}
      extra={
        !readOnly && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              edit(
                (d) =>
                  void d.compensationBands.splice(Math.max(0, d.compensationBands.length - 1), 0, { upTo: '', approver: 'supervisor' }),
              )
            }
          >
            {t('admin.policy.addBand')}
          </Button>
        )
      }
    >
      <Table
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={bands.map((b, index) => ({ ...b, index }))}
        columns={[
          {
            title: t('admin.policy.upTo'),
            key: 'upTo',
            render: (_v, b) => {
              if (b.upTo === null) return <Typography.Text type="secondary">{t('admin.policy.unbounded')}</Typography.Text>;
              const err = errorOf(`compensationBands.${b.index}.upTo`);
              return (
                <Form.Item validateStatus={err ? 'error' : undefined} help={err} style={{ margin: 0 }}>
                  <Input
                    prefix="≤ ¥"
                    disabled={readOnly}
                    value={b.upTo}
                    onChange={(e) => edit((d) => void (d.compensationBands[b.index]!.upTo = e.target.value.trim()))}
                  />
                </Form.Item>
              );
            },
          },
          {
            title: t('admin.policy.approver'),
            key: 'approver',
            width: 170,
            render: (_v, b) => (
              <Select
                disabled={readOnly}
                value={b.approver}
                onChange={(v: CompensationApprover) => edit((d) => void (d.compensationBands[b.index]!.approver = v))}
                options={COMPENSATION_APPROVERS.map((a) => ({ value: a, label: label('admin.approver', a) }))}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            key: 'remove',
            width: 48,
            render: (_v, b) =>
              !readOnly &&
              b.upTo !== null && (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('admin.remove')}
                  onClick={() => edit((d) => void d.compensationBands.splice(b.index, 1))}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}

/** Words in a complaint that propose level 1 or 2. */
export function KeywordsCard({ draft, edit, errorOf, readOnly }: PolicySectionProps) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('admin.policy.keywords')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {(['level1', 'level2'] as const).map((k) => {
          const err = errorOf(`keywords.${k}`);
          return (
            <Form.Item
              key={k}
              label={t(`admin.policy.keywords.${k}`)}
              validateStatus={err ? 'error' : undefined}
              help={err}
              style={{ marginBottom: 0 }}
            >
              <Select
                mode="tags"
                disabled={readOnly}
                value={draft.keywords[k]}
                onChange={(v: string[]) => edit((d) => void (d.keywords[k] = v.map((w) => w.trim()).filter(Boolean)))}
                tokenSeparators={[',', '，', ' ']}
                open={false}
                suffixIcon={null}
                data-testid={`keywords-${k}`}
              />
            </Form.Item>
          );
        })}
      </Space>
    </Card>
  );
}
