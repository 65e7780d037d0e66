import { Table } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { addressedTo, RequestStatus, useDepartmentNames } from './shared';
import { useRectifications } from './supervision-api';

/** Every rectification request, newest first, with its deadline and whether it is overdue. */
export function RequestsView() {
  const { t, dateTime } = useI18n();
  const requests = useRectifications(true);
  const { name } = useDepartmentNames();
  return (
    <Table
      rowKey="id"
      loading={requests.isPending}
      dataSource={requests.data ?? []}
      locale={{ emptyText: t('sup.request.none') }}
      columns={[
        {
          title: t('sup.request.text'),
          render: (_, r) => (r.planId ? <Link to={`/supervision/plans/${r.planId}`}>{r.text}</Link> : r.text),
        },
        { title: t('sup.request.addressee'), render: (_, r) => addressedTo(name, r.departmentId, r.addressee) },
        {
          title: t('sup.finding.complaint'),
          render: (_, r) => (r.complaint ? <Link to={`/complaints/${r.complaint.id}`}>{r.complaint.number}</Link> : '—'),
        },
        { title: t('sup.request.due'), render: (_, r) => dateTime(r.dueAt) },
        { title: t('sup.request.status'), render: (_, r) => <RequestStatus r={r} /> },
        { title: t('sup.request.answer'), render: (_, r) => r.answer ?? '—' },
      ]}
    />
  );
}
