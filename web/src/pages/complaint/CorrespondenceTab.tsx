import { FileAddOutlined, MailOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, ok, type Answer, type ItemOf } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { MessageStatusTag } from '../admin/messages/message-kit';
import { usePersonName } from './complaint-queries';
import type { FullDetail, RecordView } from './complaint-types';
import { StoredFiles, type StoredFile } from './CorrespondenceFiles';
import { CorrespondenceReply } from './CorrespondenceReply';
import { CorrespondenceUpload } from './CorrespondenceUpload';
import { dataText, ofKind, Para } from './tabs/tab-kit';

export type ThreadItem = ItemOf<Answer<'/api/complaints/{id}/correspondence', 'get'>>;

/** The thread's query; under ['complaint', id] so the page's refresh reloads it. */
export function useCorrespondence(id: string) {
  return useQuery({
    queryKey: ['complaint', id, 'correspondence'],
    queryFn: async () => (await ok(client.GET('/api/complaints/{id}/correspondence', { params: { path: { id } } }))).items,
    // a message on its way: its status changes within seconds (sent, delivered or failed)
    refetchInterval: (q) => (q.state.data?.some((i) => i.status === 'queued') ? 3000 : false),
  });
}

function filesOfRecord(r: RecordView): StoredFile[] {
  const files = r.data.files;
  if (!Array.isArray(files)) return [];
  return files.flatMap((f: unknown) => {
    if (typeof f !== 'object' || f === null) return [];
    const o = f as Record<string, unknown>;
    return typeof o.id === 'string' && typeof o.name === 'string' ? [{ id: o.id, name: o.name, size: Number(o.size) || 0 }] : [];
  });
}

/** The complainant's materials (records of kind 'attachment'): from intake, the portal, e-mail, or added by staff. */
function Materials({
  complaintId,
  records,
  mayAdd,
  onAdd,
}: {
  complaintId: string;
  records: RecordView[];
  mayAdd: boolean;
  onAdd: () => void;
}) {
  const { t, label, dateTime } = useI18n();
  const person = usePersonName();
  const materials = ofKind(records, 'attachment');
  return (
    <Card
      size="small"
      title={
        <span>
          <PaperClipOutlined /> {t('corr.materials')}
        </span>
      }
      data-testid="materials"
      style={{ marginBottom: 12 }}
      extra={
        mayAdd && (
          <Button size="small" icon={<FileAddOutlined />} onClick={onAdd} data-testid="materials-add">
            {t('corr.addMaterials')}
          </Button>
        )
      }
    >
      {materials.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('corr.materialsEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={materials}
          renderItem={(r) => (
            <List.Item key={r.id} data-testid="material">
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <StoredFiles complaintId={complaintId} files={filesOfRecord(r)} />
                {dataText(r, 'note') && <Typography.Text>{dataText(r, 'note')}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {label('corr.source', dataText(r, 'source') ?? '')} · {person(r.createdBy)} · {dateTime(r.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** One message of the thread: received on the left, sent on the right, with its channel, status and files. */
function ThreadEntry({ complaintId, item }: { complaintId: string; item: ThreadItem }) {
  const { t, label, dateTime } = useI18n();
  const person = usePersonName();
  const inbound = item.direction === 'inbound';
  return (
    <div
      style={{ display: 'flex', justifyContent: inbound ? 'flex-start' : 'flex-end', marginBottom: 12 }}
      data-testid="thread-item"
      data-direction={item.direction}
      data-channel={item.channel}
      data-status={item.status ?? ''}
    >
      <div
        style={{
          maxWidth: '85%',
          minWidth: '50%',
          padding: '8px 12px',
          borderRadius: 8,
          border: `1px solid ${inbound ? '#d9d9d9' : '#91caff'}`,
          background: inbound ? '#fafafa' : '#f0f7ff',
        }}
      >
        <Space wrap size={4} style={{ marginBottom: 4 }}>
          <Tag color={inbound ? 'default' : 'blue'}>{inbound ? t('corr.inbound') : t('corr.outbound')}</Tag>
          <Tag>{label('corr.channel', item.channel)}</Tag>
          {item.purpose && <Typography.Text strong>{label('messages.purpose', item.purpose)}</Typography.Text>}
          {item.status && <MessageStatusTag m={{ id: item.id, status: item.status }} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dateTime(item.at)}
          </Typography.Text>
        </Space>
        <div style={{ fontSize: 12, color: '#595959' }}>
          {item.from && <div>{t('corr.from', { v: item.from })}</div>}
          {item.to && <div>{t('corr.to', { v: item.to })}</div>}
          {item.by && (!inbound || item.channel === 'letter') && <div>{t('corr.by', { v: person(item.by) })}</div>}
        </div>
        {item.subject && (
          <Typography.Text strong style={{ display: 'block', marginTop: 4 }}>
            {item.subject}
          </Typography.Text>
        )}
        <Para>{item.text}</Para>
        <StoredFiles complaintId={complaintId} files={item.files} />
      </div>
    </div>
  );
}

/**
 * 往来沟通 (#12 items 4 and 5): the complainant's materials, and one thread of everything exchanged
 * with them, inbound (portal, e-mail, letters) and outbound (acknowledgment, result, final notice,
 * replies) with each message's delivery status; staff reply from here, record a letter received and
 * add materials. The 消息 tab stays the delivery log (staff notices too, provider ids, resends).
 */
export function CorrespondenceTab({
  id,
  detail,
  records,
  onChanged,
}: {
  id: string;
  detail: FullDetail;
  records: RecordView[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const me = useMe();
  const thread = useCorrespondence(id);
  const [open, setOpen] = useState<'reply' | 'letter' | 'materials' | null>(null);
  const mayRegister = can(me.data, 'complaint.create');
  const mayReply = can(me.data, 'complaint.feedback');
  const close = () => setOpen(null);

  return (
    <div data-testid="correspondence" style={{ paddingTop: 8 }}>
      <Typography.Paragraph type="secondary">{t('corr.intro')}</Typography.Paragraph>
      <Materials complaintId={detail.id} records={records} mayAdd={mayRegister} onAdd={() => setOpen('materials')} />
      <Card
        size="small"
        title={t('corr.thread')}
        data-testid="thread"
        extra={
          <Space>
            {mayRegister && (
              <Button size="small" onClick={() => setOpen('letter')} data-testid="letter-open">
                {t('corr.recordLetter')}
              </Button>
            )}
            {mayReply && (
              <Button
                size="small"
                type="primary"
                icon={<MailOutlined />}
                disabled={!detail.complainant.email && !detail.complainant.phone}
                onClick={() => setOpen('reply')}
                data-testid="reply-open"
              >
                {t('corr.reply')}
              </Button>
            )}
          </Space>
        }
      >
        {thread.isPending && <Spin />}
        {thread.error && <Alert type="error" showIcon message={thread.error.message} />}
        {thread.data && thread.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('corr.threadEmpty')} />}
        {thread.data?.map((item) => (
          <ThreadEntry key={item.id} complaintId={detail.id} item={item} />
        ))}
      </Card>
      {open === 'reply' && (
        <CorrespondenceReply complaintId={detail.id} complainant={detail.complainant} onClose={close} onSent={onChanged} />
      )}
      {(open === 'letter' || open === 'materials') && (
        <CorrespondenceUpload kind={open} complaintId={detail.id} onClose={close} onDone={onChanged} />
      )}
    </div>
  );
}
