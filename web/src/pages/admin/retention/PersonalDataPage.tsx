/**
 * 系统管理 → 个人信息查询 (PIPL art. 45; #15 item 4): find a person's complaints by phone, ID number,
 * e-mail or name (exact, normalised; any given identifier matches), see how many and which (masked,
 * anonymised ones marked), and export all of them, or those selected, as one zip with a reason.
 * The server audits the search and the export.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { apiErrorOf } from '../../../api';
import { client, ok, type Answer } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { useTaxonomyLabel } from '../../complaint/complaint-queries';

type Found = Answer<'/api/personal-data/search', 'post'>;
type Match = Found['items'][number];
interface Query {
  phone?: string;
  idNumber?: string;
  email?: string;
  name?: string;
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const FIELDS = ['phone', 'idNumber', 'email', 'name'] as const;

export function PersonalDataPage() {
  const { t, label, dateTime } = useI18n();
  const { message } = App.useApp();
  const tax = useTaxonomyLabel();
  const [form] = Form.useForm<Query>();
  const [exportForm] = Form.useForm<{ reason: string; includeFiles: boolean }>();
  const [query, setQuery] = useState<Query | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [exporting, setExporting] = useState(false);

  const search = useMutation({
    mutationFn: (q: Query) => ok(client.POST('/api/personal-data/search', { body: q })),
    onSuccess: (_d, q) => {
      setQuery(q);
      setSelected([]);
    },
  });
  const exportFile = useMutation({
    mutationFn: async (v: { reason: string; includeFiles: boolean }) => {
      const body = {
        ...(query ?? {}),
        reason: v.reason,
        includeFiles: v.includeFiles,
        complaintIds: selected.length > 0 ? selected : null,
      };
      const { data, error, response } = await client.POST('/api/personal-data/export', { body, parseAs: 'blob' });
      if (!response.ok || !(data instanceof Blob)) throw apiErrorOf(response.status, error);
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'personal-data.zip';
      save(data, name);
      return Number(response.headers.get('x-export-complaints') ?? 0);
    },
    onSuccess: (n) => {
      setExporting(false);
      exportForm.resetFields();
      void message.success(t('personalData.exported', { n }));
    },
  });

  const found = search.data;
  const columns: TableColumnsType<Match> = [
    {
      title: t('retention.complaint'),
      dataIndex: 'number',
      width: 160,
      render: (v: string) => <span data-testid="subject-number">{v}</span>,
    },
    { title: t('personalData.status'), key: 'status', width: 110, render: (_v, m) => label('status', m.status) },
    { title: t('retention.businessLine'), key: 'line', width: 110, render: (_v, m) => tax('businessLines', m.businessLine) },
    { title: t('personalData.receivedAt'), key: 'received', width: 150, render: (_v, m) => dateTime(m.receivedAt) },
    {
      title: t('personalData.complainant'),
      key: 'who',
      render: (_v, m) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {[m.complainantName, m.phone, m.email, m.idNumber].filter(Boolean).join(' · ')}
        </Typography.Text>
      ),
    },
    {
      title: t('personalData.matchedBy'),
      key: 'matched',
      width: 150,
      render: (_v, m) => (
        <Space size={4} wrap>
          {m.matchedBy.map((f) => (
            <Tag key={f}>{t(`personalData.${f}`)}</Tag>
          ))}
          {m.anonymised && <Tag data-testid="subject-anonymised">{t('personalData.anonymised')}</Tag>}
          {m.held && <Tag color="purple">{t('personalData.held')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="personal-data-page">
      <Card size="small" title={t('personalData.title')}>
        <Typography.Paragraph type="secondary">{t('personalData.hint')}</Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={(v) => search.mutate(v)} data-testid="subject-form">
          {FIELDS.map((f) => (
            <Form.Item key={f} name={f} label={t(`personalData.${f}`)}>
              <Input allowClear autoComplete="off" data-testid={`subject-${f}`} style={{ width: f === 'name' ? 140 : 200 }} />
            </Form.Item>
          ))}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={search.isPending} data-testid="subject-search">
              {t('personalData.search')}
            </Button>
          </Form.Item>
        </Form>
        {search.error && <Alert type="error" showIcon message={search.error.message} style={{ marginTop: 12 }} />}
      </Card>
      {found && (
        <Card
          size="small"
          title={<span data-testid="subject-count">{t('personalData.found', { n: found.total })}</span>}
          extra={
            found.total > 0 && (
              <Button type="primary" onClick={() => setExporting(true)} data-testid="subject-export">
                {selected.length > 0 ? t('personalData.exportSelected', { n: selected.length }) : t('personalData.export')}
              </Button>
            )
          }
        >
          <Table<Match>
            size="small"
            rowKey="complaintId"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={columns}
            dataSource={found.items}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          />
        </Card>
      )}
      <Modal
        open={exporting}
        title={t('personalData.exportTitle')}
        onCancel={() => setExporting(false)}
        onOk={() => void exportForm.validateFields().then((v) => exportFile.mutate(v))}
        confirmLoading={exportFile.isPending}
        okButtonProps={{ 'data-testid': 'subject-export-ok' } as Record<string, string>}
        destroyOnHidden
      >
        {exportFile.error && <Alert type="error" showIcon message={exportFile.error.message} style={{ marginBottom: 12 }} />}
        <Form form={exportForm} layout="vertical" initialValues={{ includeFiles: false }}>
          <Form.Item
            name="reason"
            label={t('personalData.reason')}
            extra={t('personalData.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="subject-export-reason" />
          </Form.Item>
          <Form.Item name="includeFiles" valuePropName="checked">
            <Checkbox data-testid="subject-include-files">{t('personalData.includeFiles')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
