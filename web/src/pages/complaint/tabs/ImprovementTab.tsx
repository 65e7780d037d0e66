import { Alert, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import { useDepartments, useTaxonomyLabel } from '../complaint-queries';
import type { ImprovementAction } from '../complaint-types';
import { ImprovementSteps } from './ImprovementSteps';
import { Section } from './tab-kit';

const STATUS_COLOURS: Record<ImprovementAction['status'], string> = { open: 'processing', done: 'cyan', verified: 'success' };

/** Corrective actions born of this complaint (R-D3); they outlive it. */
export function ImprovementTab({
  actions,
  error,
  onChanged,
}: {
  actions: ImprovementAction[] | undefined;
  error: Error | null;
  onChanged: () => Promise<void>;
}) {
  const { t, label, dateTime, locale } = useI18n();
  const tax = useTaxonomyLabel();
  const departments = useDepartments();
  const unit = (id: string | null) => {
    const u = id ? departments.data?.find((d) => d.id === id) : undefined;
    return u ? (locale === 'zh-CN' ? u.nameZh : u.nameEn) : (id ?? t('common.none'));
  };
  const columns: TableColumnsType<ImprovementAction> = [
    {
      title: t('complaint.f.title'),
      key: 'title',
      render: (_v, a) => (
        <>
          <Typography.Text strong>{a.title}</Typography.Text>
          {a.description && <div style={{ fontSize: 12 }}>{a.description}</div>}
          <Space wrap size={2}>
            {a.causeCodes.map((c) => (
              <Tag key={c}>{tax('causes', c)}</Tag>
            ))}
          </Space>
        </>
      ),
    },
    { title: t('complaint.f.owner'), dataIndex: 'owner', width: 100 },
    { title: t('complaint.f.department'), key: 'dept', width: 120, render: (_v, a) => unit(a.departmentId) },
    {
      title: t('complaint.f.dueAt'),
      key: 'due',
      width: 160,
      render: (_v, a) => (
        <>
          {dateTime(a.dueAt)}
          {a.overdue && <Tag color="error">{t('ledger.overdue')}</Tag>}
        </>
      ),
    },
    {
      title: t('complaint.improvementStatus'),
      key: 'status',
      width: 150,
      render: (_v, a) => (
        <>
          <Tag color={STATUS_COLOURS[a.status]}>{label('complaint.improvement', a.status)}</Tag>
          {a.doneBy && <div style={{ fontSize: 12 }}>{t('complaint.doneBy', { by: a.doneBy })}</div>}
          {a.verifiedBy && <div style={{ fontSize: 12 }}>{t('complaint.verifiedBy', { by: a.verifiedBy })}</div>}
        </>
      ),
    },
    { title: '', key: 'steps', width: 120, render: (_v, a) => <ImprovementSteps action={a} onChanged={onChanged} /> },
  ];
  if (error) return <Alert type="error" showIcon message={error.message} />;
  return (
    <Section title="complaint.sec.improvements" count={actions?.length ?? 0} testId="improvements">
      <Table size="small" rowKey="id" columns={columns} dataSource={actions} pagination={false} scroll={{ x: 640 }} />
    </Section>
  );
}
