import { DownloadOutlined } from '@ant-design/icons';
import { List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import { formatSize } from '../actions/FileField';
import { useDepartments } from '../complaint-queries';
import type { RecordView } from '../complaint-types';
import { dataList, dataObject, dataText, ofKind, Para, RecordMeta, Section } from './tab-kit';

const STATUS_COLOURS: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'error' };

/** The investigation: its plan and departments, evidence (files to download), extensions, findings. */
export function InvestigationTab({ complaintId, records }: { complaintId: string; records: RecordView[] }) {
  const { t, label, locale } = useI18n();
  const departments = useDepartments();
  const unitName = (id: string) => {
    const u = departments.data?.find((d) => d.id === id);
    return u ? (locale === 'zh-CN' ? u.nameZh : u.nameEn) : id;
  };
  const investigations = ofKind(records, 'investigation');
  const evidence = ofKind(records, 'evidence');
  const extensions = ofKind(records, 'extension_request');
  const findings = ofKind(records, 'findings');
  return (
    <>
      <Section title="complaint.sec.investigation" count={investigations.length} empty="complaint.noInvestigation">
        {investigations.map((r) => (
          <div key={r.id} style={{ marginBottom: 8 }}>
            <Space wrap size={4}>
              {dataList(r, 'departmentIds').map((d) => (
                <Tag key={d}>{unitName(d)}</Tag>
              ))}
            </Space>
            {dataText(r, 'plan') && <Para>{dataText(r, 'plan')}</Para>}
            <RecordMeta r={r} />
          </div>
        ))}
      </Section>
      <Section
        title="complaint.sec.evidence"
        count={evidence.length}
        testId="evidence-list"
        extra={<Typography.Text type="secondary">{evidence.length}</Typography.Text>}
      >
        <List
          size="small"
          dataSource={evidence}
          renderItem={(r) => {
            const file = dataObject(r, 'file');
            const fileId = typeof file.id === 'string' ? file.id : null;
            return (
              <List.Item
                key={r.id}
                actions={
                  fileId
                    ? [
                        <a
                          key="dl"
                          href={`/api/complaints/${encodeURIComponent(complaintId)}/evidence/${fileId}`}
                          download
                          data-testid="evidence-download"
                        >
                          <DownloadOutlined /> {t('complaint.download')}
                        </a>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <Tag color="blue">{label('complaint.evidenceMethod', dataText(r, 'method') ?? '')}</Tag>
                      {fileId && (
                        <Typography.Text>
                          {String(file.name)} ({formatSize(Number(file.size))})
                        </Typography.Text>
                      )}
                    </Space>
                  }
                  description={
                    <>
                      <Para>{dataText(r, 'note')}</Para>
                      <RecordMeta r={r} />
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Section>
      <Section title="complaint.sec.extensions" count={extensions.length}>
        {extensions.map((r) => {
          const decision = dataObject(r, 'decision');
          return (
            <div key={r.id} style={{ marginBottom: 8 }}>
              <Space wrap size={4}>
                <Typography.Text strong>{t('complaint.extensionDays', { n: dataText(r, 'days') ?? '' })}</Typography.Text>
                <Tag color={STATUS_COLOURS[r.status ?? ''] ?? 'default'}>{label('complaint.requestStatus', r.status ?? '')}</Tag>
              </Space>
              <Para>{dataText(r, 'reason')}</Para>
              {typeof decision.by === 'string' && (
                <Typography.Text type="secondary">
                  {t('complaint.decidedBy', { by: decision.by })}
                  {typeof decision.note === 'string' && decision.note ? ` · ${decision.note}` : ''}
                </Typography.Text>
              )}
              <div>
                <RecordMeta r={r} />
              </div>
            </div>
          );
        })}
      </Section>
      <Section title="complaint.sec.findings" count={findings.length} testId="findings">
        {findings.map((r) => (
          <div key={r.id} style={{ marginBottom: 8 }}>
            <Tag color="purple">{label('complaint.outcome', dataText(r, 'conclusion') ?? '')}</Tag>
            <Para>{dataText(r, 'findings')}</Para>
            <RecordMeta r={r} />
          </div>
        ))}
      </Section>
    </>
  );
}
