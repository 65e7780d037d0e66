import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { ApiError } from '../../api';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MaskedComplainant } from '../../types';

/** Asks why, then shows the complainant's personal data once (recorded in the history and the audit log). */
export function UnmaskModal({
  complaintId,
  onClose,
  onShown,
}: {
  complaintId: string;
  onClose: () => void;
  onShown: (c: MaskedComplainant) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const unmask = useMutation({
    mutationFn: (reason: string) =>
      ok(client.POST('/api/complaints/{id}/unmask', { params: { path: { id: complaintId } }, body: { reason } })),
    onSuccess: (detail) => {
      onShown(detail.complainant);
      onClose();
    },
    onError: (err) => {
      const field = err instanceof ApiError ? err.fieldMessage('reason') : undefined;
      if (field) form.setFields([{ name: 'reason', errors: [field.replace(/^reason: /, '')] }]);
    },
  });
  const otherError =
    unmask.error && !(unmask.error instanceof ApiError && unmask.error.fieldMessage('reason')) ? unmask.error.message : null;
  return (
    <Modal
      open
      title={t('action.unmask')}
      okText={t('complaint.unmaskConfirm')}
      cancelText={t('complaint.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={unmask.isPending}
      data-testid="unmask-modal"
    >
      <Typography.Paragraph type="secondary">{t('complaint.unmaskHint')}</Typography.Paragraph>
      {otherError && <Alert type="error" showIcon message={otherError} style={{ marginBottom: 12 }} />}
      <Form form={form} name="unmask" layout="vertical" onFinish={(v) => unmask.mutate(v.reason?.trim() ?? '')}>
        <Form.Item name="reason" label={t('complaint.f.unmaskReason')} required>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
