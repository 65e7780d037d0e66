import { DeleteOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { SECTORS, type Sector } from '../../codes';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { TAXONOMY_NAMES, type PolicyDoc, type TaxonomyItem, type TaxonomyName } from './admin-types';
import { PolicyErrors, policyFieldError } from './PolicyErrors';
import { PublishModal } from './PublishModal';
import { TaxonomyAddForm } from './TaxonomyAddForm';
import { usePolicyDraft, usePublishPolicy } from './use-policy-draft';

/** A new business line needs grading thresholds and a retention period: copied from a line of its sector. */
function addBusinessLine(doc: PolicyDoc, entry: TaxonomyItem): void {
  const model = doc.taxonomies.businessLines.find((l) => l.sector === entry.sector) ?? doc.taxonomies.businessLines[0];
  const grading = model && doc.grading[model.code];
  const retention = model && doc.retention[model.code];
  if (grading) doc.grading[entry.code] = { ...grading };
  if (retention !== undefined) doc.retention[entry.code] = retention;
}

/** The policy's lists (channels, business lines, categories, causes, outcomes): add, rename, deactivate; published as a new version. */
export function TaxonomiesPage() {
  const { t, label } = useI18n();
  const me = useMe();
  const readOnly = !can(me.data, 'policy.write');
  const { message } = App.useApp();
  const { policy, current, draft, edit, reset, changes } = usePolicyDraft();
  const publish = usePublishPolicy();
  const [tab, setTab] = useState<TaxonomyName>('categories');
  const [publishing, setPublishing] = useState(false);

  if (policy.isPending) return <Spin />;
  if (policy.error || !current || !draft) return <Alert type="error" showIcon message={policy.error?.message ?? t('common.error')} />;

  const published = new Set(current.policy.taxonomies[tab].map((e) => e.code));
  const entries = draft.taxonomies[tab];
  const errorOf = (index: number, field: string) => policyFieldError(publish.error, `taxonomies.${tab}.${index}.${field}`);
  const change = (index: number, patch: Partial<TaxonomyItem>) => edit((d) => void Object.assign(d.taxonomies[tab][index]!, patch));
  const labelInput = (e: TaxonomyItem, index: number, field: 'zh' | 'en') => {
    const err = errorOf(index, field);
    return (
      <Form.Item validateStatus={err ? 'error' : undefined} help={err} style={{ margin: 0 }}>
        <Input
          value={e[field]}
          disabled={readOnly}
          maxLength={200}
          onChange={(ev) => change(index, { [field]: ev.target.value })}
          data-testid={`tax-${e.code}-${field}`}
        />
      </Form.Item>
    );
  };

  const columns: TableColumnsType<TaxonomyItem> = [
    {
      title: t('admin.tax.code'),
      dataIndex: 'code',
      width: 200,
      render: (code: string) => (
        <Space size={4}>
          <Typography.Text code>{code}</Typography.Text>
          {!published.has(code) && <Tag color="processing">{t('admin.tax.new')}</Tag>}
        </Space>
      ),
    },
    { title: t('admin.tax.zh'), key: 'zh', render: (_v, e, i) => labelInput(e, i, 'zh') },
    { title: t('admin.tax.en'), key: 'en', render: (_v, e, i) => labelInput(e, i, 'en') },
  ];
  if (tab === 'businessLines') {
    columns.push({
      title: t('admin.tax.sector'),
      key: 'sector',
      width: 120,
      render: (_v, e, i) => (
        <Select
          value={e.sector}
          disabled={readOnly || published.has(e.code)}
          onChange={(sector: Sector) => change(i, { sector })}
          options={SECTORS.map((s) => ({ value: s, label: label('admin.sector', s) }))}
          style={{ width: '100%' }}
        />
      ),
    });
  }
  columns.push({
    title: t('admin.active'),
    key: 'active',
    width: 130,
    render: (_v, e, i) => (
      <Space size={4}>
        <Switch checked={e.active} disabled={readOnly} onChange={(active) => change(i, { active })} data-testid={`tax-${e.code}-active`} />
        {/* entries of a published version may be on complaints: deactivated, never removed */}
        {!readOnly && !published.has(e.code) && (
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('admin.remove')}
            onClick={() =>
              edit((d) => {
                d.taxonomies[tab].splice(i, 1);
                if (tab === 'businessLines') {
                  delete d.grading[e.code];
                  delete d.retention[e.code];
                }
              })
            }
          />
        )}
      </Space>
    ),
  });

  const doPublish = (reason: string) =>
    publish.mutate(
      { policy: draft, reason },
      {
        onSuccess: (v) => {
          setPublishing(false);
          reset();
          message.success(t('admin.policy.published', { version: v.version, replanned: v.replanned }));
        },
        onError: () => setPublishing(false),
      },
    );

  return (
    <Card
      size="small"
      title={t('admin.tax.title', { version: current.version })}
      extra={
        !readOnly && (
          <Space>
            {changes.length > 0 && <Tag color="warning">{t('admin.policy.unsaved', { n: changes.length })}</Tag>}
            <Button
              disabled={changes.length === 0}
              onClick={() => {
                reset();
                publish.reset();
              }}
            >
              {t('admin.policy.discard')}
            </Button>
            <Button
              type="primary"
              disabled={changes.length === 0}
              onClick={() => {
                publish.reset();
                setPublishing(true);
              }}
              data-testid="tax-publish"
            >
              {t('admin.policy.publish')}
            </Button>
          </Space>
        )
      }
    >
      <PolicyErrors error={publish.error} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TaxonomyName)}
        items={TAXONOMY_NAMES.map((n) => ({
          key: n,
          label: <span data-testid={`tax-tab-${n}`}>{`${label('admin.taxonomy', n)} (${draft.taxonomies[n].length})`}</span>,
        }))}
      />
      <Typography.Paragraph type="secondary">
        {t(tab === 'channels' ? 'admin.tax.channelsHint' : tab === 'businessLines' ? 'admin.tax.linesHint' : 'admin.tax.hint')}
      </Typography.Paragraph>
      <Form component={false}>
        <Table<TaxonomyItem>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={entries}
          pagination={false}
          scroll={{ x: 720 }}
          data-testid="tax-table"
        />
      </Form>
      {!readOnly && tab !== 'channels' && (
        <TaxonomyAddForm
          name={tab}
          entries={entries}
          onAdd={(entry) =>
            edit((d) => {
              const list: TaxonomyItem[] = d.taxonomies[tab];
              list.push(entry);
              if (tab === 'businessLines') addBusinessLine(d, entry);
            })
          }
        />
      )}
      <PublishModal
        open={publishing}
        changes={changes}
        pending={publish.isPending}
        onCancel={() => setPublishing(false)}
        onPublish={doPublish}
      />
    </Card>
  );
}
