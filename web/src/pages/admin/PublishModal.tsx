import { Form, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { DiffEntry } from './policy-diff';
import { usePolicyPathLabel, usePolicyValueText } from './use-policy-labels';

const SHOWN_CHANGES = 12;

/** Asks for the reason of a new policy version (required) and shows what will change. */
export function PublishModal({
  open,
  changes,
  pending,
  onCancel,
  onPublish,
}: {
  open: boolean;
  changes: readonly DiffEntry[];
  pending: boolean;
  onCancel: () => void;
  onPublish: (reason: string) => void;
}) {
  const { t } = useI18n();
  const pathLabel = usePolicyPathLabel();
  const valueText = usePolicyValueText();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('admin.policy.publishTitle')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('admin.policy.publish')}
      confirmLoading={pending}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>{t('admin.policy.changeCount', { n: changes.length })}</Typography.Paragraph>
      <ul style={{ maxHeight: 200, overflow: 'auto', paddingInlineStart: 20 }} data-testid="publish-changes">
        {changes.slice(0, SHOWN_CHANGES).map((c) => (
          <li key={c.path} data-path={c.path}>
            <Typography.Text strong>{pathLabel(c.path)}</Typography.Text>：{valueText(c.path, c.before)} → {valueText(c.path, c.after)}
          </li>
        ))}
        {changes.length > SHOWN_CHANGES && <li>{t('admin.policy.moreChanges', { n: changes.length - SHOWN_CHANGES })}</li>}
      </ul>
      <Form form={form} layout="vertical" onFinish={(v) => onPublish(v.reason.trim())} preserve={false}>
        <Form.Item
          name="reason"
          label={t('admin.policy.reason')}
          rules={[{ required: true, whitespace: true, message: t('admin.policy.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t('admin.policy.reasonPlaceholder')}
            data-testid="publish-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
