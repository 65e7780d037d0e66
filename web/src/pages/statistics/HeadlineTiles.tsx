import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { formatValue } from './chart-options';
import { ledgerHref } from './stats-params';
import type { TileFigure } from './tile-figures';

const TONE_COLOUR = { good: '#389e0d', bad: '#cf1322', neutral: '#8c8c8c' } as const;

function ChangeLine({ tile }: { tile: TileFigure }) {
  const { t, locale } = useI18n();
  if (tile.direction === null || tile.change === null)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('stats.vsPrevious')} · {t('stats.noPrevious')}
      </Typography.Text>
    );
  const icon = tile.direction === 'up' ? <ArrowUpOutlined /> : tile.direction === 'down' ? <ArrowDownOutlined /> : <MinusOutlined />;
  const size = Math.abs(tile.change);
  const amount =
    tile.changeKind === 'points' ? t('stats.points', { n: (Math.round(size * 1000) / 10).toFixed(1) }) : formatValue(size, 'rate', locale);
  return (
    <Typography.Text
      style={{ fontSize: 12, color: TONE_COLOUR[tile.tone] }}
      data-testid={`stats-tile-${tile.name}-change`}
      data-direction={tile.direction}
    >
      {icon} {amount}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('stats.vsPrevious')} ({formatValue(tile.previous, tile.format, locale)})
      </Typography.Text>
    </Typography.Text>
  );
}

/** The period's headline figures, each with an arrow for the change on the previous period; a click opens its complaints. */
export function HeadlineTiles({ tiles }: { tiles: TileFigure[] | undefined }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  if (!tiles)
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  return (
    <Row gutter={[12, 12]} data-testid="stats-tiles">
      {tiles.map((tile) => (
        <Col key={tile.name} xs={12} md={6} xxl={3}>
          <Card
            size="small"
            hoverable={Boolean(tile.drill)}
            onClick={() => tile.drill && void navigate(ledgerHref(tile.drill))}
            data-testid={`stats-tile-${tile.name}`}
            data-value={tile.value ?? ''}
            style={{ height: '100%' }}
          >
            <Statistic
              title={t(`stats.tile.${tile.name}`)}
              value={formatValue(tile.value, tile.format, locale)}
              valueStyle={{ fontSize: 22 }}
            />
            <ChangeLine tile={tile} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
