import { CheckOutlined } from '@ant-design/icons';
import { Alert, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useRoles } from './admin-api';
import type { RoleInfo } from './admin-types';

interface PermissionRow {
  permission: string;
}

const SCOPE_COLOURS: Record<RoleInfo['scope'], string> = { none: 'default', branch: 'cyan', department: 'blue', all: 'purple' };

/** Roles and what each may do: one column per role, one row per permission. */
export function RolesPage() {
  const { t, label, locale } = useI18n();
  const roles = useRoles();
  const list = roles.data ?? [];
  // permissions in the order the server lists them, first seen first
  const permissions = [...new Set(list.flatMap((r) => r.permissions))];
  const name = (r: RoleInfo) => (locale === 'zh-CN' ? r.zh : r.en);

  const columns: TableColumnsType<PermissionRow> = [
    {
      title: t('admin.roles.permission'),
      dataIndex: 'permission',
      fixed: 'left',
      width: 200,
      render: (p: string) => (
        <span>
          {label('admin.permission', p)}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p}
          </Typography.Text>
        </span>
      ),
    },
    ...list.map((r) => ({
      title: (
        <span data-testid={`role-${r.role}`}>
          {name(r)}
          <br />
          <Tag color={SCOPE_COLOURS[r.scope]} style={{ marginTop: 4 }}>
            {label('admin.scope', r.scope)}
          </Tag>
        </span>
      ),
      key: r.role,
      width: 110,
      align: 'center' as const,
      render: (_v: unknown, row: PermissionRow) => (r.permissions.includes(row.permission) ? <CheckOutlined style={{ color: '#52c41a' }} aria-label={t('admin.roles.granted')} /> : null),
    })),
  ];

  return (
    <Card title={t('admin.roles.title')}>
      <Typography.Paragraph type="secondary">{t('admin.roles.hint')}</Typography.Paragraph>
      {roles.error && <Alert type="error" showIcon message={roles.error.message} style={{ marginBottom: 16 }} />}
      <Table<PermissionRow>
        rowKey="permission"
        size="small"
        bordered
        columns={columns}
        dataSource={permissions.map((permission) => ({ permission }))}
        loading={roles.isPending}
        pagination={false}
        scroll={{ x: 200 + list.length * 110 }}
        data-testid="roles-table"
      />
    </Card>
  );
}
