import { Card, InputNumber, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { PolicySectionProps } from '../admin/PolicyClocksCard';
import { kpiKind } from './kpi-format';

type Targets = PolicySectionProps['draft']['assessment']['targets'];
type Code = keyof Targets;

/** The policy's KPI targets and weights (#14 item 5): rates as percentages, days, the inspection score. */
export function KpiTargetsCard({ draft, edit, errorOf, readOnly }: PolicySectionProps) {
  const { t, label } = useI18n();
  const codes = Object.keys(draft.assessment.targets) as Code[];
  const rate = (c: Code) => kpiKind(c) === 'rate';
  return (
    <Card size="small" title={t('policyPath.assessment')} data-testid="policy-kpi-targets">
      <Table<Code>
        size="small"
        rowKey={(c) => c}
        pagination={false}
        dataSource={codes}
        columns={[
          { title: t('kpi.col.kpi'), key: 'kpi', render: (_v, c) => label('kpi.code', c) },
          {
            title: t('kpi.col.target'),
            key: 'target',
            render: (_v, c) => {
              const err = errorOf(`assessment.targets.${c}.target`);
              const value = draft.assessment.targets[c].target;
              return (
                <>
                  <InputNumber
                    min={0}
                    max={rate(c) ? 100 : 100_000}
                    step={rate(c) ? 1 : 0.5}
                    disabled={readOnly || c === 'volume'}
                    status={err ? 'error' : undefined}
                    value={rate(c) ? Math.round(value * 1000) / 10 : value}
                    addonAfter={rate(c) ? '%' : kpiKind(c) === 'days' ? t('admin.policy.days') : undefined}
                    onChange={(v) =>
                      v !== null && edit((d) => void (d.assessment.targets[c].target = rate(c) ? Math.round(v * 10) / 1000 : v))
                    }
                    style={{ width: 140 }}
                    data-testid={`kpi-target-${c}`}
                  />
                  {err && <Typography.Text type="danger">{err}</Typography.Text>}
                </>
              );
            },
          },
          {
            title: t('kpi.col.weight'),
            key: 'weight',
            render: (_v, c) => (
              <InputNumber
                min={0}
                max={100}
                precision={0}
                disabled={readOnly}
                status={errorOf(`assessment.targets.${c}.weight`) ? 'error' : undefined}
                value={draft.assessment.targets[c].weight}
                onChange={(v) => v !== null && edit((d) => void (d.assessment.targets[c].weight = v))}
                style={{ width: 90 }}
                data-testid={`kpi-weight-${c}`}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
