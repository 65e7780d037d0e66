import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import type { RecordView } from '../complaint-types';
import { dataObject, dataText, ofKind, Para, RecordMeta, Section } from './tab-kit';

const STATUS_COLOURS: Record<string, string> = { proposed: 'processing', approved: 'success', rejected: 'error' };
const PAYMENT_COLOURS: Record<string, string> = { pending: 'processing', paid: 'success', failed: 'error' };

/** Compensation proposals with their approval and payment (R-D3), and negotiated settlements. */
export function ResolutionTab({ records }: { records: RecordView[] }) {
  const { t, label, money, dateTime } = useI18n();
  const compensations = ofKind(records, 'compensation');
  const settlements = ofKind(records, 'settlement');
  const columns: TableColumnsType<RecordView> = [
    {
      title: t('complaint.f.amount'),
      key: 'amount',
      width: 120,
      render: (_v, r) => <Typography.Text strong>{money(dataText(r, 'amount') ?? '0')}</Typography.Text>,
    },
    {
      title: t('complaint.f.basis'),
      key: 'basis',
      render: (_v, r) => (
        <>
          <div>{dataText(r, 'basis')}</div>
          {dataText(r, 'payee') && (
            <Typography.Text type="secondary">{t('complaint.payeeIs', { v: dataText(r, 'payee') ?? '' })}</Typography.Text>
          )}
          <div>
            <RecordMeta r={r} />
          </div>
        </>
      ),
    },
    {
      title: t('complaint.approver'),
      key: 'approver',
      width: 110,
      render: (_v, r) => label('complaint.approverKind', dataText(r, 'approver') ?? ''),
    },
    {
      title: t('complaint.approval'),
      key: 'status',
      width: 140,
      render: (_v, r) => {
        const d = dataObject(r, 'decision');
        return (
          <>
            <Tag color={STATUS_COLOURS[r.status ?? ''] ?? 'default'}>{label('complaint.compensationStatus', r.status ?? '')}</Tag>
            {typeof d.by === 'string' && <div style={{ fontSize: 12 }}>{t('complaint.decidedBy', { by: d.by })}</div>}
          </>
        );
      },
    },
    {
      title: t('complaint.payment'),
      key: 'payment',
      width: 170,
      render: (_v, r) => {
        const p = dataObject(r, 'payment');
        if (typeof p.status !== 'string') return t('common.none');
        return (
          <>
            <Tag color={PAYMENT_COLOURS[p.status] ?? 'default'}>{label('complaint.payment', p.status)}</Tag>
            {typeof p.reference === 'string' && <div style={{ fontSize: 12 }}>{p.reference}</div>}
            {typeof p.paidAt === 'string' && <div style={{ fontSize: 12 }}>{dateTime(p.paidAt)}</div>}
          </>
        );
      },
    },
  ];
  return (
    <>
      <Section title="complaint.sec.compensation" count={compensations.length} testId="compensations">
        <Table size="small" rowKey="id" columns={columns} dataSource={compensations} pagination={false} scroll={{ x: 640 }} />
      </Section>
      <Section title="complaint.sec.settlement" count={settlements.length} testId="settlements">
        {settlements.map((r) => (
          <div key={r.id} style={{ marginBottom: 8 }}>
            <Tag color="green">{t('complaint.customerAgreedAt', { at: dateTime(dataText(r, 'agreedAt')) })}</Tag>
            <Para>{dataText(r, 'terms')}</Para>
            <RecordMeta r={r} />
          </div>
        ))}
      </Section>
    </>
  );
}
