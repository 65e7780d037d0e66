import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { apiUpload } from '../../../api';
import { client, ok } from '../../../api/client';
import { IMPORT_MAPPINGS, type ImportMapping } from '../../../codes';
import { useI18n } from '../../../i18n/i18n';
import { ImportRunPanel } from './ImportRunPanel';
import { IMPORT_KEYS, isActive, RUN_REFRESH_MS, STATUS_COLOUR, type ImportRun } from './imports-kit';

/**
 * /admin/imports (#13 item 7, R-H7): upload a CSV with a column mapping as a dry run or for real,
 * watch its progress, read the dry run's summary, download the error report, carry the dry run out
 * for real; the list of earlier runs below. Administrators only (complaint.import).
 */
export function ImportsPage() {
  const { t, dateTime, label } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [mapping, setMapping] = useState<ImportMapping>('tdi');
  const [dryRun, setDryRun] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  const list = useQuery({
    queryKey: IMPORT_KEYS.list,
    queryFn: () => ok(client.GET('/api/imports')),
    refetchInterval: (query) => (query.state.data?.items.some(isActive) ? RUN_REFRESH_MS * 2 : false),
  });
  const start = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('mapping', mapping);
      form.append('dryRun', String(dryRun));
      form.append('file', file!);
      setSent(0);
      return apiUpload('/api/imports', { id: '' }, form, (loaded, total) =>
        setSent(total === 0 ? 100 : Math.floor((loaded / total) * 100)),
      );
    },
    onSuccess: async (run) => {
      setShown(run.id);
      setFile(null);
      await queries.invalidateQueries({ queryKey: IMPORT_KEYS.list });
    },
    onError: (e) => void message.error(e.message),
    onSettled: () => setSent(null),
  });

  const columns: TableColumnsType<ImportRun> = [
    { title: t('imports.col.createdAt'), key: 'at', width: 150, render: (_v, r) => dateTime(r.createdAt) },
    { title: t('imports.mapping'), key: 'mapping', width: 130, render: (_v, r) => label('imports.mappingShort', r.mapping) },
    { title: t('imports.col.file'), dataIndex: 'fileName', ellipsis: true },
    { title: t('imports.col.kind'), key: 'kind', width: 90, render: (_v, r) => t(r.dryRun ? 'imports.kind.dry' : 'imports.kind.real') },
    {
      title: t('imports.col.status'),
      key: 'status',
      width: 160,
      render: (_v, r) =>
        isActive(r) ? (
          <Progress percent={Math.floor(r.progress * 100)} size="small" status="active" />
        ) : (
          <Tag color={STATUS_COLOUR[r.status]}>{label('imports.status', r.status)}</Tag>
        ),
    },
    {
      title: t('imports.col.rows'),
      key: 'rows',
      width: 220,
      render: (_v, r) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {`${t('imports.bar.closed')} ${r.rowsClosed} · ${t('imports.bar.open')} ${r.rowsOpen} · ${t('imports.bar.failed')} ${r.rowsFailed}`}
        </Typography.Text>
      ),
    },
    {
      title: '',
      key: 'show',
      width: 70,
      render: (_v, r) => (
        <Button size="small" type="link" onClick={() => setShown(r.id)} data-testid={`import-show-${r.id}`}>
          {t('imports.showRun')}
        </Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('imports.title')} data-testid="import-form">
        <Alert type="info" showIcon message={t('imports.intro')} style={{ marginBottom: 16 }} />
        <Form layout="vertical" onFinish={() => start.mutate()}>
          <Form.Item label={t('imports.mapping')} required>
            <Select<ImportMapping>
              value={mapping}
              onChange={setMapping}
              options={IMPORT_MAPPINGS.map((m) => ({ value: m, label: label('imports.mapping', m) }))}
              style={{ maxWidth: 420 }}
              data-testid="import-mapping"
            />
          </Form.Item>
          <Form.Item label={t('imports.file')} required>
            <Upload
              accept=".csv,text/csv"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />} data-testid="import-file">
                {t('imports.chooseFile')}
              </Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="import-dry-run">
              {t('imports.dryRun')}
            </Checkbox>
          </Form.Item>
          {sent !== null && <Progress percent={sent} size="small" format={(p) => `${t('imports.uploading')} ${p}%`} />}
          <Button type="primary" htmlType="submit" disabled={!file} loading={start.isPending} data-testid="import-start">
            {file ? t('imports.start') : t('imports.noFile')}
          </Button>
        </Form>
      </Card>
      {shown && <ImportRunPanel key={shown} runId={shown} onShow={setShown} />}
      <Card title={t('imports.history')}>
        <Table<ImportRun>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          pagination={false}
          locale={{ emptyText: t('imports.empty') }}
          data-testid="import-history"
        />
      </Card>
    </Space>
  );
}
