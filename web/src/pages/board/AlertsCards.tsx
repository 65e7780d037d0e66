import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { LevelTag } from '../labels';
import { ExceptionTarget } from '../workbench/ExceptionTarget';
import type { BoardAnswer, BoardComplaintRef, ExceptionKind } from './board-types';
import { OriginTraining } from '../training/OriginTraining';

/** the lists scroll inside their cards, so the board stays one screen of figures plus the plans */
const LIST_STYLE = { maxHeight: 420, overflowY: 'auto' } as const;
const KIND_COLOURS: Record<ExceptionKind, string> = {
  breach: 'error',
  stalled: 'warning',
  dissatisfied: 'magenta',
  message_failed: 'orange',
  spike: 'purple',
};

function ComplaintRef({ c }: { c: BoardComplaintRef }) {
  return (
    <Space size={4}>
      <Link to={`/complaints/${c.id}`}>{c.number}</Link>
      <LevelTag level={c.level} />
    </Space>
  );
}

/** A late clock is still late, was done late, or ended with its complaint. */
function BreachState({ status }: { status: string }) {
  const { t, label } = useI18n();
  if (status === 'met') return <Tag color="warning">{t('board.milestone.metLate')}</Tag>;
  return <Tag color={status === 'breached' ? 'error' : 'default'}>{label('clockStatus', status)}</Tag>;
}

/** Open tracked exceptions (R-E3) and the clocks that went late in the last days, side by side. */
export function AlertsCards({ exceptions, breaches }: Pick<BoardAnswer, 'exceptions' | 'breaches'>) {
  const { t, label, dateTime } = useI18n();
  const clockName = (kind: string | null, text?: string | null) => (text ? text : kind ? label('clock', kind) : t('common.none'));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('board.exceptions.title')}
          data-testid="board-exceptions"
          extra={
            <Space size={4} wrap>
              {(['breach', 'stalled', 'dissatisfied', 'message_failed', 'spike'] as const).map((k) => (
                <Tag key={k} color={exceptions.open[k] ? KIND_COLOURS[k] : undefined}>
                  {label('board.exceptionKind', k)} {exceptions.open[k]}
                </Tag>
              ))}
            </Space>
          }
        >
          <List
            size="small"
            style={LIST_STYLE}
            dataSource={exceptions.items}
            locale={{ emptyText: t('board.exceptions.empty') }}
            renderItem={(e) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <Tag color={KIND_COLOURS[e.kind]}>{label('board.exceptionKind', e.kind)}</Tag>
                      <ExceptionTarget exception={e} />
                      {e.kind === 'spike' && <OriginTraining kind="spike" id={e.id} />}
                      {e.complaint && (
                        <Typography.Text>
                          {clockName(e.clockKind, typeof e.details.label === 'string' ? e.details.label : null)}
                        </Typography.Text>
                      )}
                    </Space>
                  }
                  description={t('board.exceptions.raisedAt', { at: dateTime(e.raisedAt) })}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('board.breaches.title')}
          data-testid="board-breaches"
          extra={<Typography.Text type="secondary">{t('board.breaches.count', { n: breaches.total })}</Typography.Text>}
        >
          <List
            size="small"
            style={LIST_STYLE}
            dataSource={breaches.items}
            locale={{ emptyText: t('board.breaches.empty') }}
            renderItem={(b) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <ComplaintRef c={b.complaint} />
                      <Typography.Text>{clockName(b.kind, b.label)}</Typography.Text>
                      <BreachState status={b.clockStatus} />
                    </Space>
                  }
                  description={t('board.breaches.dueAt', { at: dateTime(b.dueAt ?? b.breachedAt) })}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
