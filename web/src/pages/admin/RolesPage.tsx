import { CheckOutlined } from '@ant-design/icons';
import { Alert, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { Permission } from '../../session';
import { useRoles } from './admin-api';
import type { RoleInfo } from './admin-types';

interface PermissionRow {
  permission: Permission;
}

const SCOPE_COLOURS: Record<RoleInfo['scope'], string> = { none: 'default', branch: 'cyan', department: 'blue', all: 'purple' };

/** Roles and what each may do: one column per role, one row per permission. */
export function RolesPage() {
  const { t, label, locale } = useI18n();
  const roles = useRoles();
  const list = roles.data ?? [];
  // permissions as the server lists them, kept together by their first part (complaint.*, policy.*…)
  const seen = [...new Set(list.flatMap((r) => r.permissions))];
  const groups = [...new Set(seen.map((p) => p.split('.')[0]))];
  const permissions = seen
    .map((p, i) => ({ p, i, g: groups.indexOf(p.split('.')[0]) }))
    .sort((a, b) => a.g - b.g || a.i - b.i)
    .map((x) => x.p);
  const name = (r: RoleInfo) => (locale === 'zh-CN' ? r.zh : r.en);

  const columns: TableColumnsType<PermissionRow> = [
    {
      title: t('admin.roles.permission'),
      dataIndex: 'permission',
      fixed: 'left',
      width: 160,
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
      width: 88,
      align: 'center' as const,
      render: (_v: unknown, row: PermissionRow) =>
        r.permissions.includes(row.permission) ? (
          <CheckOutlined style={{ color: '#52c41a' }} aria-label={t('admin.roles.granted')} />
        ) : null,
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
        scroll={{ x: 160 + list.length * 88 }}
        data-testid="roles-table"
      />
    </Card>
  );
}
