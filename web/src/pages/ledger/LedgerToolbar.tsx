import { DeleteOutlined, DownloadOutlined, SaveOutlined, SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Popover, Select, Space } from 'antd';
import { useState } from 'react';
import { apiDownload, ApiError } from '../../api';
import { client, ok, type Answer, type ItemOf } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { COLUMNS, type ColumnKey } from './ledger-params';

export type SavedView = ItemOf<Answer<'/api/saved-views', 'get'>>;

interface Props {
  /** the API query of the current filter and sort (no paging) */
  query: Record<string, string>;
  columns: ColumnKey[];
  setColumns(columns: ColumnKey[]): void;
  openView(view: SavedView): void;
}

function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saved views (per user, on the server), the column chooser and the xlsx export of the current filter. */
export function LedgerToolbar({ query, columns, setColumns, openView }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const queries = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [selected, setSelected] = useState<string | undefined>();
  const [form] = Form.useForm<{ name: string }>();

  const views = useQuery({ queryKey: ['saved-views'], queryFn: () => ok(client.GET('/api/saved-views')) });
  const save = useMutation({
    mutationFn: (name: string) =>
      ok(client.POST('/api/saved-views', { body: { name, query: new URLSearchParams(query).toString(), columns } })),
    onSuccess: (v) => {
      setSaving(false);
      setSelected(v.id);
      form.resetFields();
      void queries.invalidateQueries({ queryKey: ['saved-views'] });
      void message.success(t('ledger.viewSaved', { name: v.name }));
    },
    onError: (e) => {
      const field = e instanceof ApiError ? e.fieldMessage('name') : undefined;
      if (field) form.setFields([{ name: 'name', errors: [field] }]);
      else void message.error(e.message);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => ok(client.DELETE('/api/saved-views/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setSelected(undefined);
      void queries.invalidateQueries({ queryKey: ['saved-views'] });
    },
  });

  const exportXlsx = async () => {
    setExporting(true);
    const hide = message.loading(t('ledger.exporting'), 0);
    try {
      const { blob, fileName } = await apiDownload('/api/complaints/export', query);
      saveFile(blob, fileName ?? 'complaints.xlsx');
      void message.success(t('ledger.exported'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      hide();
      setExporting(false);
    }
  };

  const items = views.data?.items ?? [];
  const chooser = (
    <Checkbox.Group
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
      value={columns}
      onChange={(v) => setColumns(COLUMNS.filter((c) => v.includes(c) || c === 'number'))}
      options={COLUMNS.map((c) => ({ value: c, label: t(`ledger.col.${c}`), disabled: c === 'number' }))}
      data-testid="column-chooser"
    />
  );

  return (
    <Space wrap>
      <Select
        style={{ width: 200 }}
        allowClear
        placeholder={t('ledger.savedViews')}
        value={selected}
        onChange={(id: string | undefined) => {
          setSelected(id);
          const view = items.find((v) => v.id === id);
          if (view) openView(view);
        }}
        options={items.map((v) => ({ value: v.id, label: v.name }))}
        data-testid="saved-views"
      />
      {selected && (
        <Popconfirm title={t('ledger.deleteView')} onConfirm={() => remove.mutate(selected)}>
          <Button icon={<DeleteOutlined />} aria-label={t('ledger.deleteView')} />
        </Popconfirm>
      )}
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="save-view">
        {t('ledger.saveView')}
      </Button>
      <Popover trigger="click" placement="bottomRight" content={chooser} title={t('ledger.columns')}>
        <Button icon={<SettingOutlined />} data-testid="columns-button">
          {t('ledger.columns')}
        </Button>
      </Popover>
      {can(me.data, 'complaint.export') && (
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} data-testid="export">
          {t('ledger.export')}
        </Button>
      )}
      <Modal
        open={saving}
        title={t('ledger.saveView')}
        onCancel={() => setSaving(false)}
        onOk={() => void form.validateFields().then((v) => save.mutate(v.name))}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v.name)}>
          <Form.Item
            name="name"
            label={t('ledger.viewName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 60 }]}
          >
            <Input autoFocus data-testid="view-name" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
