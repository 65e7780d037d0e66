import { SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { usePolicyVersion, usePolicyVersions } from './admin-api';
import type { PolicyVersionSummary } from './admin-types';
import { PolicyDiffView } from './PolicyDiffView';
import { usePolicyReason, usePublisherName } from './use-policy-labels';

/** Every policy version (who, when, why) and the difference of any two, picked in the address (?a=&b=). */
export function PolicyHistoryPage() {
  const { t, dateTime } = useI18n();
  const publisher = usePublisherName();
  const reasonText = usePolicyReason();
  const versions = usePolicyVersions();
  const [params, setParams] = useSearchParams();
  const list = versions.data ?? [];
  const latest = list[0]?.version;
  const fromParam = (name: string) => {
    const n = Number(params.get(name));
    return list.some((v) => v.version === n) ? n : undefined;
  };
  const b = fromParam('b') ?? latest;
  const a = fromParam('a') ?? (b !== undefined && b > 1 ? list.find((v) => v.version < b)?.version : undefined);
  const before = usePolicyVersion(a);
  const after = usePolicyVersion(b);

  const pick = (next: { a?: number; b?: number }) => {
    const q = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v !== undefined) q.set(k, String(v));
    setParams(q, { replace: true });
  };
  const options = list.map((v) => ({
    value: v.version,
    label: t('admin.history.versionLabel', { version: v.version, at: dateTime(v.createdAt) }),
  }));

  const columns: TableColumnsType<PolicyVersionSummary> = [
    {
      title: t('admin.history.version'),
      dataIndex: 'version',
      width: 110,
      render: (v: number) => (
        <Space size={4}>
          <Typography.Text strong>v{v}</Typography.Text>
          {v === latest && <Tag color="success">{t('admin.history.inForce')}</Tag>}
        </Space>
      ),
    },
    { title: t('admin.history.when'), dataIndex: 'createdAt', width: 170, render: (at: string) => dateTime(at) },
    { title: t('admin.history.who'), dataIndex: 'createdBy', width: 140, render: (by: string) => publisher(by) },
    { title: t('admin.history.reason'), dataIndex: 'reason', render: (r: string | null) => reasonText(r) },
    {
      key: 'compare',
      width: 150,
      render: (_v, row) =>
        row.version > 1 && (
          <Button size="small" type="link" onClick={() => pick({ a: list.find((v) => v.version < row.version)?.version, b: row.version })}>
            {t('admin.history.comparePrevious')}
          </Button>
        ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('admin.history.title')} size="small">
        {versions.error && <Alert type="error" showIcon message={versions.error.message} />}
        <Table<PolicyVersionSummary>
          rowKey="version"
          size="small"
          columns={columns}
          dataSource={list}
          loading={versions.isPending}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowClassName={(r) => (r.version === a || r.version === b ? 'ant-table-row-selected' : '')}
          data-testid="policy-versions"
        />
      </Card>
      <Card
        size="small"
        title={t('admin.history.compare')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 230 }}
              value={a}
              options={options}
              onChange={(v: number) => pick({ a: v })}
              placeholder={t('admin.history.pick')}
              data-testid="diff-a"
            />
            <Button
              icon={<SwapOutlined />}
              aria-label={t('admin.history.swap')}
              onClick={() => pick({ a: b, b: a })}
              disabled={a === undefined || b === undefined}
            />
            <Select
              style={{ width: 230 }}
              value={b}
              options={options}
              onChange={(v: number) => pick({ b: v })}
              placeholder={t('admin.history.pick')}
              data-testid="diff-b"
            />
          </Space>
        }
      >
        {a === undefined || b === undefined ? (
          <Typography.Text type="secondary">{t('admin.history.onlyOne')}</Typography.Text>
        ) : before.isPending || after.isPending ? (
          <Spin />
        ) : before.error || after.error ? (
          <Alert type="error" showIcon message={(before.error ?? after.error)?.message} />
        ) : (
          <PolicyDiffView before={before.data?.policy} after={after.data?.policy} beforeLabel={`v${a}`} afterLabel={`v${b}`} />
        )}
      </Card>
    </Space>
  );
}
