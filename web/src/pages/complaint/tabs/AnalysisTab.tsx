import { Descriptions, Space, Tag } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import { useTaxonomyLabel } from '../complaint-queries';
import type { RecordView } from '../complaint-types';
import { dataList, dataObject, dataText, ofKind, Para, RecordMeta, Section } from './tab-kit';

const IMPACT_COLOURS: Record<string, string> = { low: 'green', medium: 'orange', high: 'red' };

/** Root causes, impact assessment and the response strategy (R-D2). */
export function AnalysisTab({ records }: { records: RecordView[] }) {
  const { t, label } = useI18n();
  const tax = useTaxonomyLabel();
  const analyses = ofKind(records, 'analysis');
  return (
    <Section title="complaint.sec.analysis" count={analyses.length} testId="analysis" empty="complaint.noAnalysis">
      {analyses.map((r) => {
        const impact = dataObject(r, 'impact');
        const level = (k: string) => {
          const v = typeof impact[k] === 'string' ? String(impact[k]) : '';
          return <Tag color={IMPACT_COLOURS[v]}>{label('complaint.impact', v)}</Tag>;
        };
        return (
          <div key={r.id} style={{ marginBottom: 12 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'causes',
                  label: t('complaint.f.causes'),
                  children: (
                    <Space wrap size={4}>
                      {dataList(r, 'causes').map((c) => (
                        <Tag key={c}>{tax('causes', c)}</Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  key: 'impact',
                  label: t('complaint.impactTitle'),
                  children: (
                    <Space wrap size={4}>
                      {t('complaint.f.impactBusiness')} {level('business')} {t('complaint.f.impactReputation')} {level('reputation')}{' '}
                      {t('complaint.f.impactFinancial')} {level('financial')}
                    </Space>
                  ),
                },
                ...(typeof impact.note === 'string' && impact.note
                  ? [{ key: 'note', label: t('complaint.f.impactNote'), children: impact.note }]
                  : []),
                { key: 'strategy', label: t('complaint.f.strategy'), children: <Para>{dataText(r, 'strategy')}</Para> },
              ]}
            />
            <RecordMeta r={r} />
          </div>
        );
      })}
    </Section>
  );
}
