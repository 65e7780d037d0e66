import { App, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { errorText } from './shared';
import { useInspectionWrites, type PlanDetail, type PlanItem, type ScoreAnswers } from './supervision-api';

const RESULTS = ['pass', 'partial', 'fail', 'not_applicable'] as const;

/** Scores one sampled complaint against the plan's checklist: a result and a comment per item. */
export function ScoreModal({ plan, item, onClose }: { plan: PlanDetail; item: PlanItem; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const [form] = Form.useForm<Record<string, { result?: ScoreAnswers[number]['result']; comment?: string }>>();
  const initial = Object.fromEntries(item.answers.map((a) => [a.code, { result: a.result, comment: a.comment }]));
  const submit = (v: Record<string, { result?: ScoreAnswers[number]['result']; comment?: string }>) => {
    const answers: ScoreAnswers = plan.checklist.items.flatMap((i) => {
      const a = v[i.code];
      return a?.result ? [{ code: i.code, result: a.result, ...(a.comment ? { comment: a.comment } : {}) }] : [];
    });
    writes.score.mutate(
      { itemId: item.id, answers },
      {
        onSuccess: (saved) => {
          void message.success(t('sup.score.saved', { score: saved.score ?? '—' }));
          onClose();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  return (
    <Modal
      open
      width={720}
      title={t('sup.score.title', { number: item.complaint.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={writes.score.isPending}
      okButtonProps={{ 'data-testid': 'score-save' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {plan.checklist.items.map((i) => (
          <div key={i.code} style={{ borderBottom: '1px solid #f0f0f0', paddingBlock: 8 }}>
            <Typography.Text strong>
              {i.code} {i.text}
            </Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              （{t('sup.checklist.weight')} {i.weight}）
            </Typography.Text>
            <Space align="start" wrap style={{ marginTop: 8, width: '100%' }}>
              <Form.Item name={[i.code, 'result']} noStyle>
                <Radio.Group
                  data-testid={`score-${i.code}`}
                  optionType="button"
                  options={RESULTS.map((r) => ({ value: r, label: t(`sup.result.${r}`) }))}
                />
              </Form.Item>
              <Form.Item name={[i.code, 'comment']} noStyle>
                <Input placeholder={t('sup.score.comment')} style={{ width: 280 }} maxLength={2000} />
              </Form.Item>
            </Space>
          </div>
        ))}
      </Form>
    </Modal>
  );
}
