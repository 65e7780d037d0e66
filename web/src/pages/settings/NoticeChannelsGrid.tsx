import { Checkbox, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { GROUPS, NOTICE_CHANNELS, toggled, type Channels, type NoticeChannel, type NoticeGroup } from './notice-channels';

interface GridProps {
  value?: Channels;
  onChange?: (value: Channels) => void;
  urgent: readonly NoticeGroup[];
  defaults: readonly NoticeGroup[];
}

/** Groups of notices × channels as checkboxes (a form control: value / onChange). */
export function NoticeChannelsGrid({ value, onChange, urgent, defaults }: GridProps) {
  const { t, label } = useI18n();
  if (!value) return null;
  const set = (g: NoticeGroup, c: NoticeChannel, on: boolean) => onChange?.({ ...value, [g]: toggled(value[g], c, on) });

  const cell = (g: NoticeGroup, c: NoticeChannel) => {
    const isUrgent = urgent.includes(g);
    const box = (
      <Checkbox
        checked={c === 'in_app' || (value[g].includes(c) && !(isUrgent && c === 'digest'))}
        disabled={c === 'in_app' || (isUrgent && c === 'digest')}
        onChange={(e) => set(g, c, e.target.checked)}
        aria-label={`${label('settings.notices.group', g)} · ${label('settings.notices.channel', c)}`}
        data-testid={`notice-${g}-${c}`}
      />
    );
    if (c === 'in_app') return <Tooltip title={t('settings.notices.inAppAlways')}>{box}</Tooltip>;
    if (isUrgent && c === 'digest') return <Tooltip title={t('settings.notices.digestUrgent')}>{box}</Tooltip>;
    return box;
  };

  const columns: TableColumnsType<{ group: NoticeGroup }> = [
    {
      title: t('settings.notices.group'),
      key: 'group',
      render: (_v, { group: g }) => (
        <Space direction="vertical" size={0}>
          <Space size={4} wrap>
            <Typography.Text strong>{label('settings.notices.group', g)}</Typography.Text>
            {urgent.includes(g) && (
              <Tooltip title={t('settings.notices.urgentHint')}>
                <Tag color="red" data-testid={`notice-${g}-urgent`}>
                  {t('settings.notices.urgent')}
                </Tag>
              </Tooltip>
            )}
            {defaults.includes(g) && <Tag bordered={false}>{t('settings.notices.default')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label('settings.notices.groupHint', g)}
          </Typography.Text>
        </Space>
      ),
    },
    ...NOTICE_CHANNELS.map((c) => ({
      title: label('settings.notices.channel', c),
      key: c,
      width: 96,
      align: 'center' as const,
      render: (_v: unknown, { group }: { group: NoticeGroup }) => cell(group, c),
    })),
  ];

  return (
    <Table
      rowKey="group"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={GROUPS.map((group) => ({ group }))}
      scroll={{ x: 'max-content' }}
      data-testid="notice-channels"
    />
  );
}
