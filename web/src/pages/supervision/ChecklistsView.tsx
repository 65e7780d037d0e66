import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { errorText } from './shared';
import { useChecklists, useInspectionWrites, type Checklist, type ChecklistBody } from './supervision-api';

/** The checklist editor: items with code, text and weight; a version a plan uses is kept, an edit makes a new one. */
export function ChecklistsView() {
  const { t } = useI18n();
  const me = useMe();
  const checklists = useChecklists();
  const [editing, setEditing] = useState<Checklist | 'new' | null>(null);
  const manage = can(me.data, 'inspection.manage');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {manage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-checklist">
          {t('sup.checklist.new')}
        </Button>
      )}
      {(checklists.data ?? []).length === 0 && !checklists.isPending && <Alert type="info" message={t('sup.checklist.none')} />}
      {(checklists.data ?? []).map((c) => (
        <Card
          key={c.id}
          size="small"
          title={
            <Space>
              {c.name}
              <Tag>{t('sup.checklist.version', { v: c.version })}</Tag>
              {c.frozen && <Tag color="gold">{t('sup.checklist.frozen')}</Tag>}
            </Space>
          }
          extra={manage && <Button onClick={() => setEditing(c)}>{t('sup.checklist.edit')}</Button>}
        >
          {c.description && <p>{c.description}</p>}
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={c.items}
            columns={[
              { title: t('sup.checklist.code'), dataIndex: 'code', width: 100 },
              { title: t('sup.checklist.text'), dataIndex: 'text' },
              { title: t('sup.checklist.weight'), dataIndex: 'weight', width: 100 },
            ]}
          />
        </Card>
      ))}
      {editing && <ChecklistModal checklist={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function ChecklistModal({ checklist, onClose }: { checklist: Checklist | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const [form] = Form.useForm<ChecklistBody>();
  const onError = (e: unknown) => void message.error(errorText(e));
  const submit = (v: ChecklistBody) => {
    if (checklist) writes.updateChecklist.mutate({ id: checklist.id, body: v }, { onSuccess: onClose, onError });
    else writes.createChecklist.mutate(v, { onSuccess: onClose, onError });
  };
  return (
    <Modal
      open
      width={760}
      title={checklist ? checklist.name : t('sup.checklist.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={writes.createChecklist.isPending || writes.updateChecklist.isPending}
    >
      {checklist?.frozen && <Alert type="warning" showIcon message={t('sup.checklist.frozen')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={checklist ?? { items: [{ code: 'C1', text: '', weight: 1 }] }}>
        <Form.Item name="name" label={t('sup.checklist.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('sup.checklist.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,20}$/ }]}>
                    <Input placeholder={t('sup.checklist.code')} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('sup.checklist.text')} style={{ width: 420 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber min={0.1} max={100} placeholder={t('sup.checklist.weight')} style={{ width: 90 }} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: `C${fields.length + 1}`, text: '', weight: 1 })}>
                {t('sup.checklist.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
