import {
  AlertOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  FireOutlined,
  FolderOpenOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import type { BoardAnswer } from './board-types';

type TileName = keyof BoardAnswer['tiles'];

const TILES: ReadonlyArray<{ name: TileName; title: MessageKey; icon: ReactNode; alarm?: boolean }> = [
  { name: 'openComplaints', title: 'board.tile.openComplaints', icon: <FolderOpenOutlined /> },
  { name: 'openLevel1', title: 'board.tile.openLevel1', icon: <FireOutlined />, alarm: true },
  { name: 'overdueComplaints', title: 'board.tile.overdueComplaints', icon: <ClockCircleOutlined />, alarm: true },
  { name: 'openExceptions', title: 'board.tile.openExceptions', icon: <AlertOutlined />, alarm: true },
  { name: 'breaches', title: 'board.tile.breaches', icon: <WarningOutlined />, alarm: true },
  { name: 'onTimeRate', title: 'board.tile.onTimeRate', icon: <CheckCircleOutlined /> },
];

/** The board's counts (antd Statistic), one tile each. */
export function BoardTiles({ tiles }: { tiles: BoardAnswer['tiles'] }) {
  const { t } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      {TILES.map(({ name, title, icon, alarm }) => {
        const value = tiles[name];
        const rate = name === 'onTimeRate';
        return (
          <Col key={name} xs={12} md={8} xl={4}>
            <Card size="small" data-testid={`board-tile-${name}`}>
              <Statistic
                title={t(title)}
                prefix={icon}
                value={value === null ? '—' : rate ? value * 100 : value}
                precision={rate && value !== null ? 1 : undefined}
                suffix={rate && value !== null ? '%' : undefined}
                valueStyle={alarm && value ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
