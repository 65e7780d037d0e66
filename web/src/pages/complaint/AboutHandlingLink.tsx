/**
 * Staff mark a complaint as one about how another complaint was handled, afterwards (R-E5): an
 * e-mail or call that was not recognised as such. It moves to the supervision department.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import type { FullDetail } from './complaint-types';

export function AboutHandlingLink({ detail, onDone }: { detail: FullDetail; onDone: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ aboutComplaint?: string }>();
  const link = useMutation({
    mutationFn: (aboutComplaint: string) =>
      ok(client.POST('/api/complaints/{id}/about-handling', { params: { path: { id: detail.id } }, body: { aboutComplaint } })),
    onSuccess: () => {
      setOpen(false);
      onDone();
    },
  });
  const open_ = !['closed', 'withdrawn', 'transferred', 'merged'].includes(detail.status);
  const linked = detail.related.some((r) => r.kind === 'about_handling');
  if (!open_ || linked || !can(me.data, 'complaint.assign')) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="about-handling-link">
        {t('complaint.about.link')}
      </Button>
      {open && (
        <Modal
          open
          title={t('complaint.about.link')}
          okText={t('complaint.about.linkOk')}
          cancelText={t('complaint.cancel')}
          onOk={() => form.submit()}
          onCancel={() => setOpen(false)}
          confirmLoading={link.isPending}
        >
          <Typography.Paragraph type="secondary">{t('complaint.about.linkHint')}</Typography.Paragraph>
          {link.error && <Alert type="error" showIcon message={link.error.message} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" onFinish={(v) => link.mutate((v.aboutComplaint ?? '').trim().toUpperCase())}>
            <Form.Item name="aboutComplaint" label={t('complaint.about.number')} required>
              <Input autoFocus placeholder="TS…" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
