import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import type { WorkbenchException } from './workbench-types';

/** Resolving a tracked exception with a note (exception.manage); the note goes into the complaint's history (a spike has none). */
export function ResolveException({ exception }: { exception: WorkbenchException }) {
  const { t, label } = useI18n();
  const me = useMe();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ resolution: string }>();
  const resolve = useMutation({
    mutationFn: (resolution: string) =>
      ok(client.POST('/api/exceptions/{id}/resolve', { params: { path: { id: exception.id } }, body: { resolution } })),
    onSuccess: async () => {
      setOpen(false);
      await queries.invalidateQueries({ queryKey: ['workbench'] });
      await queries.invalidateQueries({ queryKey: ['board'] });
    },
    onError: (e) => {
      const message = e instanceof ApiError ? e.fieldMessage('resolution') : undefined;
      if (message) form.setFields([{ name: 'resolution', errors: [message] }]);
    },
  });
  if (!can(me.data, 'exception.manage')) return null;
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="exception-resolve">
        {t('workbench.resolve')}
      </Button>
      <Modal
        open={open}
        title={`${t('workbench.resolveTitle')} · ${exception.complaint?.number ?? label('exception', exception.kind)}`}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((v) => resolve.mutate(v.resolution))}
        confirmLoading={resolve.isPending}
        destroyOnHidden
      >
        {resolve.error && !(resolve.error instanceof ApiError && resolve.error.fieldMessage('resolution')) && (
          <Alert type="error" showIcon message={resolve.error.message} style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="vertical">
          <Form.Item
            name="resolution"
            label={t('workbench.resolution')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} data-testid="exception-resolution" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
