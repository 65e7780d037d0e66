import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { ActivationToggle, ActiveTag } from './Activation';
import { KEYS, useOrgUnits, useRoles, useUsers } from './admin-api';
import type { AdminUser } from './admin-types';
import { UserFormModal } from './UserFormModal';

/** The one-time password, shown once: after closing it can only be reset again. */
function OneTimePassword({ shown, onClose }: { shown: { username: string; password: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={shown !== null}
      title={t('admin.users.otpTitle')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('admin.users.otpDone')}
    >
      {shown && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('admin.users.otpFor', { name: shown.username })}</Typography.Text>
          <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="one-time-password">
            {shown.password}
          </Typography.Text>
          <Alert type="warning" showIcon message={t('admin.users.otpOnce')} />
        </Space>
      )}
    </Modal>
  );
}

/** Tags that wrap inside their cell, long names included. */
function Tags({ items, color }: { items: Array<{ key: string; text: string }>; color?: string }) {
  return (
    <Space size={[0, 4]} wrap>
      {items.map((i) => (
        <Tag key={i.key} color={color} style={{ whiteSpace: 'normal' }}>
          {i.text}
        </Tag>
      ))}
    </Space>
  );
}

function isLocked(u: AdminUser): boolean {
  return u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();
}

/** Users: roles and units, create (one-time password), edit, (de)activate, reset password, unlock. */
export function UsersPage() {
  const { t, dateTime, locale } = useI18n();
  const me = useMe();
  const writable = can(me.data, 'user.write');
  const users = useUsers();
  const roles = useRoles();
  const units = useOrgUnits();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [otp, setOtp] = useState<{ username: string; password: string } | null>(null);
  const [q, setQ] = useState('');

  const refresh = () => queries.invalidateQueries({ queryKey: KEYS.users });
  const act = useMutation({
    mutationFn: async ({ user, action }: { user: AdminUser; action: 'toggle' | 'reset' | 'unlock' }) => {
      const path = { id: user.id };
      if (action === 'toggle') await ok(client.PATCH('/api/users/{id}', { params: { path }, body: { active: !user.active } }));
      if (action === 'unlock') await ok(client.POST('/api/users/{id}/unlock', { params: { path } }));
      if (action === 'reset') {
        const { oneTimePassword } = await ok(client.POST('/api/users/{id}/reset-password', { params: { path } }));
        setOtp({ username: user.username, password: oneTimePassword });
      }
    },
    onSuccess: async (_v, { action }) => {
      if (action !== 'reset') message.success(t('admin.saved'));
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });

  const roleName = (code: string) => {
    const r = roles.data?.find((x) => x.role === code);
    return r ? (locale === 'zh-CN' ? r.zh : r.en) : code;
  };
  const unitName = (id: string) => {
    const u = units.data?.find((x) => x.id === id);
    return u ? (locale === 'zh-CN' ? u.nameZh : u.nameEn) : id;
  };
  const needle = q.trim().toLowerCase();
  const rows = (users.data ?? []).filter((u) => !needle || u.username.includes(needle) || u.displayName.toLowerCase().includes(needle));

  const columns: TableColumnsType<AdminUser> = [
    { title: t('admin.users.username'), dataIndex: 'username', width: 130, sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: t('admin.users.displayName'), dataIndex: 'displayName', width: 140 },
    {
      title: t('admin.users.roles'),
      dataIndex: 'roles',
      render: (rs: string[]) => <Tags items={rs.map((r) => ({ key: r, text: roleName(r) }))} />,
    },
    {
      title: t('admin.users.units'),
      dataIndex: 'orgUnitIds',
      render: (ids: string[]) => <Tags color="blue" items={ids.map((id) => ({ key: id, text: unitName(id) }))} />,
    },
    {
      title: t('admin.users.state'),
      key: 'state',
      width: 120,
      render: (_v, u) => (
        <Space size={[0, 4]} wrap>
          <ActiveTag active={u.active} />
          {isLocked(u) && <Tag color="error">{t('admin.users.locked')}</Tag>}
          {u.mustChangePassword && <Tag color="warning">{t('admin.users.mustChange')}</Tag>}
        </Space>
      ),
    },
    { title: t('admin.users.lastLogin'), dataIndex: 'lastLoginAt', width: 150, render: (at: string | null) => dateTime(at) },
  ];
  if (writable) {
    columns.push({
      title: t('admin.actions'),
      key: 'actions',
      width: 210,
      fixed: 'right',
      render: (_v, u) => (
        <Space size={0} wrap>
          <Button size="small" type="link" onClick={() => setEditing(u)}>
            {t('admin.edit')}
          </Button>
          <Popconfirm
            title={t('admin.users.confirmReset', { name: u.username })}
            onConfirm={() => act.mutate({ user: u, action: 'reset' })}
          >
            <Button size="small" type="link">
              {t('admin.users.resetPassword')}
            </Button>
          </Popconfirm>
          {isLocked(u) && (
            <Button size="small" type="link" onClick={() => act.mutate({ user: u, action: 'unlock' })}>
              {t('admin.users.unlock')}
            </Button>
          )}
          <ActivationToggle
            active={u.active}
            confirmDeactivate={t('admin.users.confirmDeactivate', { name: u.username })}
            onToggle={() => act.mutate({ user: u, action: 'toggle' })}
          />
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('admin.users.title')}
      extra={
        <Space>
          <Input.Search allowClear placeholder={t('admin.users.search')} onChange={(e) => setQ(e.target.value)} style={{ width: 200 }} />
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-new">
              {t('admin.users.new')}
            </Button>
          )}
        </Space>
      }
    >
      {users.error && <Alert type="error" showIcon message={users.error.message} style={{ marginBottom: 16 }} />}
      <Table<AdminUser>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={users.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        data-testid="users-table"
      />
      {editing && (
        <UserFormModal
          target={editing}
          onClose={() => setEditing(null)}
          onSaved={async ({ user, oneTimePassword }) => {
            setEditing(null);
            if (oneTimePassword) setOtp({ username: user.username, password: oneTimePassword });
            else message.success(t('admin.saved'));
            await refresh();
          }}
        />
      )}
      <OneTimePassword shown={otp} onClose={() => setOtp(null)} />
    </Card>
  );
}
