import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { can, useMe } from '../../../session';
import type { ImprovementAction } from '../complaint-types';

type Step = 'done' | 'verify';

/**
 * Marking an improvement action done (its owner, or an improvement manager) and verifying it (an
 * improvement manager other than whoever marked it done): the steps of R-D3 after creation.
 * The server decides; these buttons only appear where it would agree.
 */
export function ImprovementSteps({ action, onChanged }: { action: ImprovementAction; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const me = useMe();
  const [step, setStep] = useState<Step | null>(null);
  const [form] = Form.useForm<{ note: string; effective?: boolean }>();
  const username = me.data?.user.username;
  const manager = can(me.data, 'improvement.manage');
  const mayFinish = action.status === 'open' && (manager || action.owner === username);
  const mayVerify = action.status === 'done' && manager && action.doneBy !== username;

  const send = useMutation({
    mutationFn: (v: { note: string; effective?: boolean }) => {
      const params = { path: { id: action.id } };
      return step === 'verify'
        ? ok(client.POST('/api/improvement-actions/{id}/verify', { params, body: { note: v.note, effective: v.effective ?? true } }))
        : ok(client.POST('/api/improvement-actions/{id}/done', { params, body: { note: v.note } }));
    },
    onSuccess: async () => {
      setStep(null);
      form.resetFields();
      await onChanged();
    },
    onError: (e) => {
      const note = e instanceof ApiError ? e.fieldMessage('note') : undefined;
      if (note) form.setFields([{ name: 'note', errors: [note] }]);
    },
  });

  if (!mayFinish && !mayVerify) return null;
  return (
    <>
      <Space>
        {mayFinish && (
          <Button size="small" onClick={() => setStep('done')} data-testid="improvement-done">
            {t('complaint.improvementStep.done')}
          </Button>
        )}
        {mayVerify && (
          <Button size="small" type="primary" onClick={() => setStep('verify')} data-testid="improvement-verify">
            {t('complaint.improvementStep.verify')}
          </Button>
        )}
      </Space>
      <Modal
        open={step !== null}
        title={step === 'verify' ? t('complaint.improvementStep.verify') : t('complaint.improvementStep.done')}
        onCancel={() => setStep(null)}
        onOk={() => void form.validateFields().then((v) => send.mutate(v))}
        confirmLoading={send.isPending}
        destroyOnHidden
      >
        {send.error && !(send.error instanceof ApiError && send.error.fieldMessage('note')) && (
          <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="vertical" initialValues={{ effective: true }}>
          {step === 'verify' && (
            <Form.Item name="effective" label={t('complaint.improvementStep.effective')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: t('complaint.improvementStep.effectiveYes') },
                  { value: false, label: t('complaint.improvementStep.effectiveNo') },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={t('complaint.improvementStep.note')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} data-testid="improvement-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
