import { Card, Form, InputNumber, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { DURATION_UNITS, type DurationUnit } from '../../codes';
import type { PolicyDoc } from './admin-types';

export interface PolicySectionProps {
  draft: PolicyDoc;
  edit: (change: (doc: PolicyDoc) => void) => void;
  /** the server's message for a path of the policy, after a refused publication */
  errorOf: (path: string) => string | undefined;
  readOnly: boolean;
}

interface ClockRow {
  kind: keyof PolicyDoc['clocks'];
  group: 'l1' | 'l2' | 'l3' | 'general';
}

const GROUP_ORDER: Record<ClockRow['group'], number> = { l1: 0, l2: 1, l3: 2, general: 3 };
const GROUP_COLOURS: Record<ClockRow['group'], string> = { l1: 'red', l2: 'orange', l3: 'blue', general: 'default' };

function groupOf(kind: string): ClockRow['group'] {
  const m = /^(l[123])_/.exec(kind);
  return m ? (m[1] as ClockRow['group']) : 'general';
}

/** The policy clocks, by level: amount and unit of each. */
export function PolicyClocksCard({ draft, edit, errorOf, readOnly }: PolicySectionProps) {
  const { t, label } = useI18n();
  const rows: ClockRow[] = (Object.keys(draft.clocks) as Array<ClockRow['kind']>)
    .map((kind) => ({ kind, group: groupOf(kind) }))
    .sort((a, b) => GROUP_ORDER[a.group] - GROUP_ORDER[b.group]);

  const columns: TableColumnsType<ClockRow> = [
    {
      title: t('admin.policy.level'),
      dataIndex: 'group',
      width: 80,
      render: (g: ClockRow['group']) => <Tag color={GROUP_COLOURS[g]}>{label('admin.clockGroup', g)}</Tag>,
    },
    { title: t('admin.policy.clock'), dataIndex: 'kind', render: (k: string) => label('clock', k) },
    {
      title: t('admin.policy.amount'),
      key: 'amount',
      width: 110,
      render: (_v, r) => {
        const err = errorOf(`clocks.${r.kind}.amount`);
        return (
          <Form.Item validateStatus={err ? 'error' : undefined} help={err} style={{ margin: 0 }}>
            <InputNumber
              min={1}
              precision={0}
              disabled={readOnly}
              value={draft.clocks[r.kind]?.amount}
              onChange={(v) => v !== null && edit((d) => void (d.clocks[r.kind]!.amount = v))}
              style={{ width: '100%' }}
              data-testid={`clock-${r.kind}-amount`}
            />
          </Form.Item>
        );
      },
    },
    {
      title: t('admin.policy.unit'),
      key: 'unit',
      width: 140,
      render: (_v, r) => (
        <Select
          disabled={readOnly}
          value={draft.clocks[r.kind]?.unit}
          onChange={(v: DurationUnit) => edit((d) => void (d.clocks[r.kind].unit = v))}
          options={DURATION_UNITS.map((u) => ({ value: u, label: label('admin.unit', u) }))}
          style={{ width: '100%' }}
          popupMatchSelectWidth={false}
        />
      ),
    },
  ];

  return (
    <Card size="small" title={t('admin.policy.clocks')}>
      <Table<ClockRow> rowKey="kind" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="policy-clocks" />
    </Card>
  );
}
