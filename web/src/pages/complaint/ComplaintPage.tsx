import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Badge, Card, Col, Flex, Row, Space, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { MaskedComplainant } from '../../types';
import { ActionBar } from './actions/ActionBar';
import { ComplainantCard } from './ComplainantCard';
import { ComplaintHeader } from './ComplaintHeader';
import { ReviewAndHandlingNotice } from './ReviewAndHandlingNotice';
import { AboutHandlingLink } from './AboutHandlingLink';
import { CorrespondenceTab } from './CorrespondenceTab';
import { useComplaint, useEvents, useImprovements, useRecords, useRefreshComplaint } from './complaint-queries';
import { EventTimeline } from './EventTimeline';
import { AnalysisTab } from './tabs/AnalysisTab';
import { DetailsTab } from './tabs/DetailsTab';
import { FeedbackTab } from './tabs/FeedbackTab';
import { ImprovementTab } from './tabs/ImprovementTab';
import { InvestigationTab } from './tabs/InvestigationTab';
import { MessagesTab } from './tabs/MessagesTab';
import { PlanTab } from './tabs/PlanTab';
import { ResolutionTab } from './tabs/ResolutionTab';
import { RelatedTab } from './tabs/RelatedTab';
import { MajorTab } from './tabs/MajorTab';
import { LegalHoldTab } from './LegalHoldTab';
import { can, useMe } from '../../session';
import { ofKind } from './tabs/tab-kit';
import { UnmaskModal } from './UnmaskModal';
import { PrintDocuments } from './PrintDocuments';
import { ProposeCaseButton } from '../cases/ProposeCaseButton';

const TABS = [
  'details',
  'investigation',
  'analysis',
  'resolution',
  'feedback',
  'correspondence',
  'messages',
  'plan',
  'improvements',
  'related',
  'major',
  'legalHold',
] as const;
type TabKey = (typeof TABS)[number];

/**
 * One complaint: the header with both clocks counting down and exactly the actions the server
 * allows, tabs for every part of its handling, and the full history beside them.
 */
export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const complaint = useComplaint(id);
  const events = useEvents(id);
  const records = useRecords(id);
  const improvements = useImprovements(id, complaint.data?.id);
  const refresh = useRefreshComplaint(id);
  const me = useMe();
  const [unmasking, setUnmasking] = useState(false);
  // the clear values are shown once, for this visit only
  const [clear, setClear] = useState<{ id: string; complainant: MaskedComplainant } | null>(null);

  const back = (
    <Link to="/complaints">
      <ArrowLeftOutlined /> {t('complaint.back')}
    </Link>
  );
  if (complaint.isPending) return <Spin />;
  if (complaint.error) return <Alert type="error" showIcon message={complaint.error.message} action={back} />;
  const c = complaint.data;
  const recs = records.data?.records ?? [];
  const milestones = records.data?.milestones ?? [];
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'details';
  const setTab = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'details') next.delete('tab');
    else next.set('tab', key);
    setParams(next, { replace: true });
  };
  const count = (n: number) => (n > 0 ? <Badge count={n} size="small" color="#8c8c8c" style={{ marginLeft: 4 }} /> : null);
  const label = (key: TabKey, n = 0) => (
    <span data-testid={`tab-${key}`}>
      {t(`complaint.tab.${key}`)}
      {count(n)}
    </span>
  );
  const complainant = (
    <ComplainantCard
      complainant={clear?.id === c.id ? clear.complainant : c.complainant}
      mayUnmask={c.allowedActions.includes('unmask')}
      onUnmask={() => setUnmasking(true)}
    />
  );

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        {back}
        <PrintDocuments complaintId={c.id} number={c.number} hasFeedback={ofKind(recs, 'feedback').length > 0} />
      </Flex>
      <ComplaintHeader
        detail={c}
        actions={
          <Flex wrap gap={8} align="center">
            <ActionBar detail={c} records={records.data} events={events.data} onUnmask={() => setUnmasking(true)} onDone={refresh} />
            <ProposeCaseButton complaintId={c.id} status={c.status} />
          </Flex>
        }
      />
      <ReviewAndHandlingNotice detail={c} records={recs} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={17}>
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            {records.error && <Alert type="error" showIcon message={records.error.message} style={{ marginTop: 12 }} />}
            <Tabs
              size="small"
              tabBarGutter={20}
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'details', label: label('details'), children: <DetailsTab detail={c} complainant={complainant} /> },
                {
                  key: 'investigation',
                  label: label('investigation', ofKind(recs, 'investigation', 'evidence', 'extension_request', 'findings').length),
                  children: <InvestigationTab complaintId={c.id} records={recs} />,
                },
                { key: 'analysis', label: label('analysis', ofKind(recs, 'analysis').length), children: <AnalysisTab records={recs} /> },
                {
                  key: 'resolution',
                  label: label('resolution', ofKind(recs, 'compensation', 'settlement').length),
                  children: <ResolutionTab records={recs} />,
                },
                {
                  key: 'feedback',
                  label: label('feedback', ofKind(recs, 'feedback', 'survey', 'closing').length),
                  children: <FeedbackTab records={recs} />,
                },
                {
                  key: 'correspondence',
                  // what the complainant sent: materials and letters, e-mails, portal additions
                  label: label('correspondence', ofKind(recs, 'attachment', 'correspondence').length),
                  children: <CorrespondenceTab id={id} detail={c} records={recs} onChanged={refresh} />,
                },
                { key: 'messages', label: label('messages'), children: <MessagesTab id={id} /> },
                { key: 'plan', label: label('plan', milestones.length), children: <PlanTab records={recs} milestones={milestones} /> },
                {
                  key: 'improvements',
                  label: label('improvements', improvements.data?.length ?? 0),
                  children: <ImprovementTab actions={improvements.data} error={improvements.error} onChanged={refresh} />,
                },
                {
                  key: 'related',
                  label: label('related', c.related.length),
                  children: <RelatedTab related={c.related} extra={<AboutHandlingLink detail={c} onDone={refresh} />} />,
                },
                {
                  key: 'major',
                  label: (
                    <span data-testid="tab-major" style={c.major ? { color: '#c41d7f', fontWeight: 600 } : undefined}>
                      {t('complaint.tab.major')}
                    </span>
                  ),
                  children: <MajorTab id={id} onChanged={refresh} />,
                },
                // retention status and legal holds (#15 item 4, R-H6)
                ...(can(me.data, 'retention.read')
                  ? [{ key: 'legalHold', label: label('legalHold'), children: <LegalHoldTab id={c.id} onChanged={refresh} /> }]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <EventTimeline events={events.data} error={events.error} pending={events.isPending} />
        </Col>
      </Row>
      {unmasking && (
        <UnmaskModal
          complaintId={c.id}
          onClose={() => setUnmasking(false)}
          onShown={(p) => {
            setClear({ id: c.id, complainant: p });
            void refresh();
          }}
        />
      )}
    </Space>
  );
}
