import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { applyServerErrors, KEYS, useOrgUnits } from './admin-api';
import { ORG_UNIT_KINDS, type OrgUnit, type OrgUnitKind } from './admin-types';

interface UnitForm {
  kind: OrgUnitKind;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Org units: list, create, rename, (de)activate. Units are never deleted. */
export function OrgUnitsPage() {
  const { t, label } = useI18n();
  const me = useMe();
  const writable = can(me.data, 'org.write');
  const units = useOrgUnits();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);
  const [form] = Form.useForm<UnitForm>();
  const [formError, setFormError] = useState<string | null>(null);

  const refresh = () => client.invalidateQueries({ queryKey: KEYS.orgUnits });
  const save = useMutation({
    mutationFn: (v: UnitForm) =>
      editing === 'new' ? api<OrgUnit>('POST', '/api/org-units', v) : api<OrgUnit>('PATCH', `/api/org-units/${editing?.id ?? ''}`, { nameZh: v.nameZh, nameEn: v.nameEn }),
    onSuccess: async () => {
      setEditing(null);
      message.success(t('admin.saved'));
      await refresh();
    },
    onError: (e) => setFormError(applyServerErrors(form, e, ['kind', 'code', 'nameZh', 'nameEn'])),
  });
  const toggle = useMutation({
    mutationFn: (u: OrgUnit) => api<OrgUnit>('PATCH', `/api/org-units/${u.id}`, { active: !u.active }),
    onSuccess: refresh,
    onError: (e) => message.error(e.message),
  });

  const open = (target: OrgUnit | 'new') => {
    setFormError(null);
    setEditing(target);
  };

  const columns: TableColumnsType<OrgUnit> = [
    { title: t('admin.org.kind'), dataIndex: 'kind', width: 140, render: (k: string) => label('admin.orgKind', k), filters: ORG_UNIT_KINDS.map((k) => ({ text: label('admin.orgKind', k), value: k })), onFilter: (v, r) => r.kind === v },
    { title: t('admin.org.code'), dataIndex: 'code', width: 140 },
    { title: t('admin.org.nameZh'), dataIndex: 'nameZh' },
    { title: t('admin.org.nameEn'), dataIndex: 'nameEn' },
    { title: t('admin.active'), dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="success">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>) },
  ];
  if (writable) {
    columns.push({
      title: t('admin.actions'),
      key: 'actions',
      width: 180,
      render: (_v, u) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => open(u)}>
            {t('admin.rename')}
          </Button>
          <Popconfirm title={u.active ? t('admin.confirmDeactivate') : t('admin.confirmActivate')} onConfirm={() => toggle.mutate(u)}>
            <Button size="small" type="link" danger={u.active}>
              {u.active ? t('admin.deactivate') : t('admin.activate')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('admin.org.title')}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="org-new">
            {t('admin.org.new')}
          </Button>
        )
      }
    >
      {units.error && <Alert type="error" showIcon message={units.error.message} style={{ marginBottom: 16 }} />}
      <Table<OrgUnit> rowKey="id" size="small" columns={columns} dataSource={units.data ?? []} loading={units.isPending} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 760 }} data-testid="org-table" />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.org.new') : t('admin.rename')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('admin.save')}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
        <Form<UnitForm>
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          preserve={false}
          initialValues={editing && editing !== 'new' ? { kind: editing.kind, code: editing.code, nameZh: editing.nameZh, nameEn: editing.nameEn } : { kind: 'branch' }}
        >
          <Form.Item name="kind" label={t('admin.org.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select disabled={editing !== 'new'} options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: label('admin.orgKind', k) }))} />
          </Form.Item>
          <Form.Item name="code" label={t('admin.org.code')} rules={[{ required: true, message: t('common.required') }]} extra={t('admin.org.codeHint')}>
            <Input disabled={editing !== 'new'} maxLength={40} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('admin.org.nameZh')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.org.nameEn')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
