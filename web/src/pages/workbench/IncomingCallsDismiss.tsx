import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { HOTLINE_CALLS_KEY } from '../intake/CallDraft';

/** 非投诉: the call was a question answered or a wrong number; it leaves the list with the reason. */
export function DismissCall({ id, caller }: { id: string; caller: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const dismiss = useMutation({
    mutationFn: (reason: string) => ok(client.POST('/api/hotline/calls/{id}/dismiss', { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      setOpen(false);
      void message.success(t('hotline.dismissed'));
      await queries.invalidateQueries({ queryKey: HOTLINE_CALLS_KEY });
    },
    onError: (e) => {
      const fieldMessage = e instanceof ApiError ? e.fieldMessage('reason') : undefined;
      if (fieldMessage) form.setFields([{ name: 'reason', errors: [fieldMessage] }]);
    },
  });
  const unplaced = dismiss.error && !(dismiss.error instanceof ApiError && dismiss.error.fieldMessage('reason'));
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="call-dismiss">
        {t('hotline.dismiss')}
      </Button>
      <Modal
        open={open}
        title={t('hotline.dismissTitle', { caller })}
        onCancel={() => setOpen(false)}
        // a field left empty shows its message on the field: nothing else to do
        onOk={() =>
          void form.validateFields().then(
            (v) => dismiss.mutate(v.reason),
            () => undefined,
          )
        }
        confirmLoading={dismiss.isPending}
        destroyOnHidden
      >
        {unplaced && <Alert type="error" showIcon message={dismiss.error.message} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('hotline.dismissReason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} autoFocus data-testid="call-dismiss-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
