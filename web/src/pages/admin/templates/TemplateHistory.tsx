import { Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import type { TemplateDetail, TemplateVersion } from './template-api';

/** The versions of a template in one language (who, when, why), newest first; restoring the built-in text keeps them. */
export function TemplateHistory({
  entry,
  restoring,
  onRestore,
  onLoad,
}: {
  entry: TemplateDetail['locales'][number];
  restoring: boolean;
  onRestore: () => void;
  onLoad: (v: TemplateVersion) => void;
}) {
  const { t, dateTime } = useI18n();
  const latest = entry.versions[0];
  const columns: TableColumnsType<TemplateVersion> = [
    {
      title: t('templates.history.version'),
      dataIndex: 'version',
      width: 110,
      render: (v: number, row) => (
        <Space size={4}>
          <Typography.Text strong>v{v}</Typography.Text>
          {row === latest && <Tag color="success">{t('admin.history.inForce')}</Tag>}
        </Space>
      ),
    },
    { title: t('templates.history.when'), dataIndex: 'createdAt', width: 170, render: (at: string) => dateTime(at) },
    { title: t('templates.history.who'), key: 'who', width: 150, render: (_v, row) => row.createdByName ?? row.createdBy },
    {
      title: t('templates.history.reason'),
      key: 'reason',
      render: (_v, row) => (row.restored ? <Tag>{t('templates.history.restored')}</Tag> : row.reason),
    },
    {
      key: 'load',
      width: 130,
      render: (_v, row) => (
        <Button size="small" type="link" onClick={() => onLoad(row)}>
          {t('templates.history.load')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('templates.history')}
      extra={
        <Popconfirm title={t('templates.restoreConfirm')} onConfirm={onRestore} okButtonProps={{ loading: restoring }}>
          <Button size="small" disabled={!latest || latest.builtIn} data-testid="template-restore">
            {t('templates.restore')}
          </Button>
        </Popconfirm>
      }
    >
      <Table<TemplateVersion>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={entry.versions}
        locale={{ emptyText: t('templates.history.none') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="template-history"
      />
    </Card>
  );
}
