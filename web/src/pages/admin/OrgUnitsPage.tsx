import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { ActivationToggle, ActiveTag } from './Activation';
import { KEYS, useOrgUnits } from './admin-api';
import { ORG_UNIT_KINDS } from '../../codes';
import type { OrgUnit } from './admin-types';
import { OrgUnitModal } from './OrgUnitModal';

/** Org units: list, create, rename, (de)activate. Units are never deleted. */
export function OrgUnitsPage() {
  const { t, label } = useI18n();
  const me = useMe();
  const writable = can(me.data, 'org.write');
  const units = useOrgUnits();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);

  const refresh = () => queries.invalidateQueries({ queryKey: KEYS.orgUnits });
  const toggle = useMutation({
    mutationFn: (u: OrgUnit) => ok(client.PATCH('/api/org-units/{id}', { params: { path: { id: u.id } }, body: { active: !u.active } })),
    onSuccess: refresh,
    onError: (e) => message.error(e.message),
  });

  const columns: TableColumnsType<OrgUnit> = [
    {
      title: t('admin.org.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (k: string) => label('admin.orgKind', k),
      filters: ORG_UNIT_KINDS.map((k) => ({ text: label('admin.orgKind', k), value: k })),
      onFilter: (v, r) => r.kind === v,
    },
    { title: t('admin.org.code'), dataIndex: 'code', width: 140 },
    { title: t('admin.org.nameZh'), dataIndex: 'nameZh' },
    { title: t('admin.org.nameEn'), dataIndex: 'nameEn' },
    {
      title: t('admin.active'),
      dataIndex: 'active',
      width: 90,
      render: (a: boolean) => <ActiveTag active={a} />,
    },
  ];
  if (writable) {
    columns.push({
      title: t('admin.actions'),
      key: 'actions',
      width: 180,
      render: (_v, u) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing(u)}>
            {t('admin.rename')}
          </Button>
          <ActivationToggle active={u.active} onToggle={() => toggle.mutate(u)} />
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('admin.org.title')}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="org-new">
            {t('admin.org.new')}
          </Button>
        )
      }
    >
      {units.error && <Alert type="error" showIcon message={units.error.message} style={{ marginBottom: 16 }} />}
      <Table<OrgUnit>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={units.data ?? []}
        loading={units.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        data-testid="org-table"
      />
      {editing && (
        <OrgUnitModal
          target={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            message.success(t('admin.saved'));
            await refresh();
          }}
        />
      )}
    </Card>
  );
}
