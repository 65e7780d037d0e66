import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Result, Row, Space, Spin, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { AlertsCards } from './AlertsCards';
import { openByLevelOption, onTimeOption, receivedPerDayOption } from './board-charts';
import { BoardTiles } from './BoardTiles';
import { EChart } from './EChart';
import { Level1Table } from './Level1Table';
import { MajorCard } from './MajorCard';

const REFRESH_MS = 60_000;

/** Shown to users without board.read (and when the server says 403). */
function NoPermission() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div data-testid="board-no-permission">
      <Result
        status="403"
        title={t('board.noPermission.title')}
        subTitle={t('board.noPermission.text')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('board.noPermission.home')}
          </Button>
        }
      />
    </div>
  );
}

/**
 * The leadership board (issue #5 item 6): counts, three headline charts, open level-1 complaints
 * with plans and milestones (R-C3, R-E2), exceptions and breaches (R-E3); refreshed every minute.
 */
export function BoardPage() {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const me = useMe();
  const allowed = can(me.data, 'board.read');
  const board = useQuery({
    queryKey: ['board'],
    queryFn: () => ok(client.GET('/api/board')),
    enabled: allowed,
    refetchInterval: REFRESH_MS,
  });

  const data = board.data;
  const charts = useMemo(
    () =>
      data && {
        openByLevel: openByLevelOption(data.openByLevel, i18n),
        onTime: onTimeOption(data.onTime, i18n),
        receivedPerDay: receivedPerDayOption(data.receivedPerDay, i18n),
      },
    [data, i18n],
  );

  if (!allowed || (board.error instanceof ApiError && board.error.status === 403)) return <NoPermission />;
  if (board.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (!data || !charts) return <Alert type="error" showIcon message={t('common.error')} description={board.error?.message} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="board">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('board.title')}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary" data-testid="board-updated">
            {t('board.updatedAt', { at: dateTime(data.generatedAt) })}
          </Typography.Text>
          <Tooltip title={t('board.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              loading={board.isFetching}
              onClick={() => void board.refetch()}
              aria-label={t('board.refresh')}
            />
          </Tooltip>
        </Space>
      </Space>
      {board.isError && <Alert type="warning" showIcon message={t('board.stale')} />}
      <BoardTiles tiles={data.tiles} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12} xl={8}>
          <Card size="small" title={t('board.chart.openByLevel')}>
            <EChart option={charts.openByLevel} label={t('board.chart.openByLevel')} testId="chart-open-by-level" />
          </Card>
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <Card
            size="small"
            title={t('board.chart.onTime')}
            extra={
              <Tooltip title={t('board.chart.onTimeHelp')}>
                <Typography.Text type="secondary" style={{ cursor: 'help' }}>
                  {t('board.chart.howCounted')}
                </Typography.Text>
              </Tooltip>
            }
          >
            <EChart option={charts.onTime} label={t('board.chart.onTime')} testId="chart-on-time" />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('board.chart.receivedPerDay')}>
            <EChart option={charts.receivedPerDay} label={t('board.chart.receivedPerDay')} testId="chart-received-per-day" />
          </Card>
        </Col>
      </Row>
      <MajorCard major={data.major} />
      <Level1Table items={data.level1.items} total={data.level1.total} />
      <AlertsCards exceptions={data.exceptions} breaches={data.breaches} />
    </Space>
  );
}
