import { Table, Tag, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n';
import { useTaxonomy } from '../../../taxonomy';
import { StatusTag } from '../../labels';
import type { RelatedComplaint } from '../complaint-types';
import { Section } from './tab-kit';

/** Suspected duplicates, merged complaints, complaints about handling (those within the user's data scope). */
export function RelatedTab({ related, extra }: { related: RelatedComplaint[]; extra?: ReactNode }) {
  const { t, label, dateTime } = useI18n();
  const taxonomy = useTaxonomy();
  const columns: TableColumnsType<RelatedComplaint> = [
    { title: t('ledger.number'), key: 'number', width: 170, render: (_v, r) => <Link to={`/complaints/${r.id}`}>{r.number}</Link> },
    {
      title: t('complaint.linkKind'),
      key: 'kind',
      width: 120,
      render: (_v, r) => (
        <Tag color={r.kind === 'merged' ? 'purple' : r.kind === 'possible_duplicate' ? 'gold' : 'volcano'}>
          {label('complaint.link', r.kind)}
        </Tag>
      ),
    },
    { title: t('ledger.status'), key: 'status', width: 100, render: (_v, r) => <StatusTag status={r.status} /> },
    { title: t('complaint.category'), key: 'category', render: (_v, r) => taxonomy.label('categories', r.category) },
    { title: t('ledger.receivedAt'), key: 'receivedAt', width: 150, render: (_v, r) => dateTime(r.receivedAt) },
  ];
  return (
    <Section title="complaint.sec.related" count={related.length} testId="related" empty="complaint.noRelated" extra={extra}>
      <Table
        size="small"
        rowKey={(r) => `${r.id}-${r.kind}`}
        columns={columns}
        dataSource={related}
        pagination={false}
        scroll={{ x: 600 }}
      />
    </Section>
  );
}
